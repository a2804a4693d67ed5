namespace Search.Indexer.Commands;

/// <summary>One status line on stderr, rewritten in place when stderr is a terminal and appended otherwise.</summary>
internal sealed class ConsoleProgress<T>(TextWriter error, Func<T, string> format) : IProgress<T>
{
    private readonly bool _interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    private bool _lineOpen;

    public void Report(T value)
    {
        var line = format(value);
        if (_interactive)
        {
            error.Write($"\r{line}   ");
            _lineOpen = true;
        }
        else
        {
            error.WriteLine(line);
        }
    }

    /// <summary>Wipes the status line, so a message written next starts on a clean line.</summary>
    public void Clear()
    {
        if (_lineOpen)
        {
            error.Write("\r" + new string(' ', 70) + "\r");
            _lineOpen = false;
        }
    }
}
