namespace Search.Core.Writing;

/// <summary>
/// A write refused, before anything was logged, because the index folder cannot be written now
/// (<see cref="Writing.StorageFault"/>). Sending it again after <see cref="Writing.StorageFault.RetryAfter"/> is safe:
/// writes are keyed upserts and deletes. An <see cref="IOException"/>, like the log's own refusals.
/// </summary>
public sealed class StorageFaultException(StorageFault fault)
    : IOException($"The index folder cannot be written now ({fault.Cause.Message}); nothing was written. Writes resume by themselves once storage works again.", fault.Cause)
{
    public StorageFault Fault { get; } = fault;
}
