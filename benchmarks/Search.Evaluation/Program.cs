using System.CommandLine;
using Search.Evaluation.Commands;

var root = new RootCommand("Measures how well the news search ranks relevant documents, against stock Lucene baselines.")
{
    EvalCommandDefinition.Create(),
    HeadlinesCommandDefinition.Create(),
};
return root.Parse(args).Invoke();
