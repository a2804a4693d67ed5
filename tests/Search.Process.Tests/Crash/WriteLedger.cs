using System.Collections.Concurrent;

namespace Search.Process.Tests.Crash;

/// <summary>
/// What each id must hold after a crash: the state its last acknowledged write left (an article version, or nothing
/// after a delete), or the state of a write sent after it whose answer never came, since such a write may or may not
/// have reached the log. Each id is written by one client at a time, so its writes have one order.
/// </summary>
internal sealed class WriteLedger
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Ids => [.. _entries.Keys];

    /// <summary>Articles present as far as acknowledged writes tell (exact once every id is settled).</summary>
    public int PresentCount => _entries.Values.Count(entry => entry.Acknowledged is not null);

    /// <summary>The state the last acknowledged write left; null when none, or a delete.</summary>
    public ArticleVersion? Current(string id) => _entries.TryGetValue(id, out var entry) ? entry.Acknowledged : null;

    public void Acknowledge(string id, ArticleVersion? state)
    {
        var entry = _entries.GetOrAdd(id, _ => new Entry());
        entry.Acknowledged = state;
        entry.Unanswered.Clear();
    }

    /// <param name="state">The version written, or null for a delete.</param>
    public void Unanswered(string id, ArticleVersion? state) => _entries.GetOrAdd(id, _ => new Entry()).Unanswered.Add(state);

    /// <summary>Every state the id may be in: the acknowledged one first, then those of unanswered writes.</summary>
    public IReadOnlyList<ArticleVersion?> Allowed(string id)
    {
        var entry = _entries[id];
        return [entry.Acknowledged, .. entry.Unanswered];
    }

    /// <summary>Takes what the restarted service holds as the acknowledged state: replayed, it is durable now.</summary>
    public void Settle(string id, ArticleVersion? observed) => Acknowledge(id, observed);

    private sealed class Entry
    {
        public ArticleVersion? Acknowledged { get; set; }

        public List<ArticleVersion?> Unanswered { get; } = [];
    }
}
