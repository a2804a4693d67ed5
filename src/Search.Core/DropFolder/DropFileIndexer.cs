using Search.Core.Ingestion;
using Search.Core.Writing;

namespace Search.Core.DropFolder;

/// <summary>The service's <see cref="DropFileHandler"/>: reads a file with the indexer's readers
/// (<see cref="ArticleSources"/>) and writes its articles through the <see cref="ArticleStore"/>, in batches, so each
/// is durable and logged like any other write.</summary>
public sealed class DropFileIndexer(ArticleStore store, ArticleSources sources)
{
    private const int BatchSize = 500;

    /// <exception cref="IOException">The log could not make a batch durable; earlier batches stay written.</exception>
    /// <exception cref="InvalidOperationException">The index stopped applying writes.</exception>
    public async Task<DropFileReport> IndexAsync(string path, CancellationToken cancellationToken)
    {
        var problems = new List<IngestProblem>();
        var batch = new List<ArticleChange>(BatchSize);
        long indexed = 0;
        foreach (var record in sources.ReadFile(path))
        {
            if (record.Article is { } article)
            {
                batch.Add(ArticleChange.Upsert(article));
            }
            else if (record.Problem is { } problem)
            {
                problems.Add(problem);
            }

            if (batch.Count == BatchSize)
            {
                indexed += await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }

        if (batch.Count > 0)
        {
            indexed += await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        return new DropFileReport(indexed, problems);
    }

    private async Task<int> WriteAsync(List<ArticleChange> batch, CancellationToken cancellationToken)
    {
        await store.WriteAsync([.. batch], cancellationToken: cancellationToken).ConfigureAwait(false);
        var written = batch.Count;
        batch.Clear();
        return written;
    }
}
