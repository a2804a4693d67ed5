using System.Text;

namespace Search.Process.Tests;

/// <summary>A child process's stdout and stderr lines as they arrive, the last <see cref="Capacity"/> kept. Thread-safe.</summary>
internal sealed class CapturedOutput
{
    private const int Capacity = 2_000;

    private readonly Queue<string> _lines = new();
    private int _dropped;

    public void Add(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue($"[{stream}] {line}");
            if (_lines.Count > Capacity)
            {
                _lines.Dequeue();
                _dropped++;
            }
        }
    }

    public bool Contains(string text)
    {
        lock (_lines)
        {
            return _lines.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            var text = new StringBuilder();
            if (_dropped > 0)
            {
                text.Append("(… ").Append(_dropped).AppendLine(" earlier lines dropped)");
            }

            foreach (var line in _lines)
            {
                text.AppendLine(line);
            }

            return text.ToString();
        }
    }
}
