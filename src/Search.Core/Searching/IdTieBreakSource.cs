using Lucene.Net.Search;

namespace Search.Core.Searching;

/// <summary>Makes an <see cref="IdTieBreakComparer"/> for each search sorted with it.</summary>
internal sealed class IdTieBreakSource : FieldComparerSource
{
    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) =>
        new IdTieBreakComparer(numHits, fieldname);
}
