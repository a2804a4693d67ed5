namespace Search.Core.Writing;

/// <summary>The log positions given to one append, <see cref="First"/> to <see cref="Last"/> inclusive.</summary>
public readonly record struct SequenceRange(long First, long Last)
{
    public int Count => (int)(Last - First + 1);
}
