namespace Search.Indexer.Commands;

/// <summary>What every command's exit code means.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int SomeSkipped = 2;
    public const int Interrupted = 130;
}
