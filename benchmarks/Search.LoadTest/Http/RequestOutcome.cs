namespace Search.LoadTest.Http;

/// <summary>
/// One request of a stream, its times in milliseconds since the run's common start: <see cref="Due"/> when the schedule
/// wanted it sent (open loop) or when it was sent (closed loop), <see cref="Done"/> when its answer had been read.
/// </summary>
/// <param name="Status">The HTTP status, 0 when no answer came (see <see cref="Error"/>).</param>
/// <param name="RetryAfter">The answer carried a <c>Retry-After</c> header.</param>
/// <param name="ProblemCode">The <c>code</c> of a problem body, when the answer was one.</param>
/// <param name="Error">Why no answer came: a socket error, a reset, a timeout.</param>
public readonly record struct RequestOutcome(double Due, double Sent, double Done, int Status, bool RetryAfter, string? ProblemCode, string? Error)
{
    /// <summary>From the scheduled send to the answer: what a user waits, queueing in the generator included.</summary>
    public double Latency => Done - Due;
}
