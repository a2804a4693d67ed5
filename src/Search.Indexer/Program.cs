using Search.Indexer;

return IndexerCli.Create().Parse(args).Invoke();
