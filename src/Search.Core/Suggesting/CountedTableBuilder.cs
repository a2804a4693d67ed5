namespace Search.Core.Suggesting;

/// <summary>
/// Gathers a segment's words or phrases, one article at a time, into a <see cref="CountedTable"/>: counts, recency
/// weights and the written forms seen for each folded key. Keys are looked up by span, so a key already seen costs no
/// allocation. Not thread-safe: one per segment build.
/// </summary>
internal sealed class CountedTableBuilder
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<Entry> _byId = [];

    public CountedTableBuilder()
    {
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Counts article <paramref name="doc"/> as holding <paramref name="key"/>, written as
    /// <paramref name="form"/>, once however often its title repeats it; articles come in increasing order.</summary>
    /// <returns>The key's id in this builder (for <see cref="Build"/>'s ordinal map), or −1 when the article was
    /// already counted for it.</returns>
    public int Add(ReadOnlySpan<char> key, ReadOnlySpan<char> form, double freshness, int doc)
    {
        if (!_lookup.TryGetValue(key, out var entry))
        {
            entry = new Entry(key.ToString(), _byId.Count, form.ToString());
            _lookup[key] = entry;
            _byId.Add(entry);
        }
        else if (entry.LastDoc == doc)
        {
            return -1;
        }

        entry.LastDoc = doc;
        entry.Count++;
        entry.Freshness += freshness;
        entry.AddForm(form);
        return entry.Id;
    }

    /// <summary>The table of every key held by at least <paramref name="minCount"/> articles, and for each id
    /// <see cref="Add"/> returned its ordinal in the table, or −1 when it was left out.</summary>
    public (CountedTable Table, int[] Ordinals) Build(int minCount)
    {
        var kept = _byId.Where(entry => entry.Count >= minCount).ToList();
        kept.Sort((left, right) => string.CompareOrdinal(left.Key, right.Key));
        var ordinals = new int[_byId.Count];
        Array.Fill(ordinals, -1);
        var counts = new int[kept.Count];
        var freshness = new float[kept.Count];
        for (var ordinal = 0; ordinal < kept.Count; ordinal++)
        {
            ordinals[kept[ordinal].Id] = ordinal;
            counts[ordinal] = kept[ordinal].Count;
            freshness[ordinal] = (float)kept[ordinal].Freshness;
        }

        var table = new CountedTable(
            new SortedKeys(StringPool.Pack(kept.Count, i => kept[i].Key)),
            counts,
            freshness,
            StringPool.Pack(kept.Count, i => kept[i].Form));
        return (table, ordinals);
    }

    private sealed class Entry(string key, int id, string form)
    {
        /// <summary>Counts per written form, once a second form shows up; most keys are only ever written one way.</summary>
        private Dictionary<string, int>? _forms;
        private int _formCount;

        public string Key { get; } = key;

        public int Id { get; } = id;

        public int Count { get; set; }

        /// <summary>The last article counted, so an article repeating the key counts once.</summary>
        public int LastDoc { get; set; } = -1;

        public double Freshness { get; set; }

        /// <summary>The most common written form so far (the first seen among equals).</summary>
        public string Form { get; private set; } = form;

        public void AddForm(ReadOnlySpan<char> form)
        {
            if (_forms is null)
            {
                if (form.SequenceEqual(Form))
                {
                    _formCount++;
                    return;
                }

                _forms = new Dictionary<string, int>(StringComparer.Ordinal) { [Form] = _formCount };
            }

            var lookup = _forms.GetAlternateLookup<ReadOnlySpan<char>>();
            var count = lookup.TryGetValue(form, out var seen) ? seen + 1 : 1;
            if (count == 1)
            {
                _forms[form.ToString()] = count;
            }
            else
            {
                lookup[form] = count;
            }

            if (count > _formCount)
            {
                Form = form.SequenceEqual(Form) ? Form : form.ToString();
                _formCount = count;
            }
        }
    }
}
