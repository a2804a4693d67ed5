namespace Search.Core.Writing;

/// <summary>
/// The index folder failing to take writes while the service runs (turned read-only, a full disk, an I/O error on a
/// flush or a commit). Searches go on over the last state refreshed; writes are refused with
/// <see cref="StorageFaultException"/> until a commit works again, which the <see cref="IndexFollower"/> tries by itself
/// with a growing pause, and then writes resume without a restart.
/// </summary>
/// <param name="Cause">The latest failure.</param>
/// <param name="Since">When writes were first refused.</param>
/// <param name="RetryAfter">The pause before the next try, which a refused writer should wait too.</param>
public sealed record StorageFault(Exception Cause, DateTimeOffset Since, TimeSpan RetryAfter)
{
    /// <summary>True for the failures storage causes, which pass once it works again; any other failure stops writes.</summary>
    public static bool IsStorageFailure(Exception exception) => exception switch
    {
        IOException or UnauthorizedAccessException => true,
        AggregateException all => all.InnerExceptions.Count > 0 && all.InnerExceptions.All(IsStorageFailure),
        _ => false,
    };
}
