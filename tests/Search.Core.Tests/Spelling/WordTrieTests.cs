using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;
using Search.Core.Analysis;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Ingestion;
using Search.Core.Spelling;
using Search.Core.Storage;
using static Search.Core.Tests.TestCorpus;

namespace Search.Core.Tests.Spelling;

/// <summary>
/// The trie finds exactly the words Lucene's Levenshtein automaton (with transpositions) finds in the term dictionary,
/// with the same document frequencies, over the sample articles' vocabulary and typed slips of it; and a serving index
/// builds each segment's trie ahead, once.
/// </summary>
public sealed class WordTrieTests : IDisposable
{
    private const int HighestArabicLetter = 0x06FF;

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public WordTrieTests()
    {
        // Several segments, and deletions, so frequencies must be summed as the term dictionary of the whole index sums them.
        var config = NewsWriterConfig.Create();
        config.MergePolicy = NoMergePolicy.COMPOUND_FILES;
        using (var writer = new IndexWriter(_directory, config))
        {
            var articles = JsonLinesArticleReader.ReadFile(IndexData("articles.jsonl")).Select(result => result.Article).OfType<NewsArticle>().ToList();
            for (var i = 0; i < articles.Count; i++)
            {
                writer.AddDocument(NewsDocumentMapper.ToDocument(articles[i]));
                if (i % 7 == 6)
                {
                    writer.Commit();
                }
            }

            writer.DeleteDocuments(new Term(NewsFields.Id, articles[0].Id));
            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public void The_fixture_spans_several_segments_and_a_real_vocabulary()
    {
        Assert.True(_reader.Leaves.Count >= 3, $"{_reader.Leaves.Count} segments");
        Assert.True(Vocabulary().Count > 2_000, $"{Vocabulary().Count} words");
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(2, 0)]
    public void Every_word_and_slip_finds_what_the_Levenshtein_automaton_finds(int maxEdits, int fixedLetters)
    {
        var tries = new WordTries();
        var compared = 0;
        foreach (var probe in Probes(seed: (maxEdits * 10) + fixedLetters))
        {
            if (probe.Length <= fixedLetters)
            {
                continue;
            }

            var expected = AutomatonNear(probe, maxEdits, fixedLetters);
            var actual = TrieNear(tries, probe, maxEdits, fixedLetters);

            Assert.True(expected.Count == actual.Count && expected.All(pair => actual.GetValueOrDefault(pair.Key) == pair.Value),
                $"{probe} ({maxEdits} edits, {fixedLetters} fixed): automaton [{Show(expected)}], trie [{Show(actual)}]");
            compared += expected.Count;
        }

        Assert.True(compared > 200, $"only {compared} words found near the probes: the comparison proves little");
    }

    [Fact]
    public void A_letter_past_the_Arabic_block_is_never_edited_in_unless_the_word_has_it()
    {
        var trie = WordTrie.Build(["كتاب", "كتاب中", "كتب中"], [1, 2, 3]);

        var plain = new Dictionary<string, int>();
        trie.CollectNear("", "كتاب", 1, HighestArabicLetter, plain);
        var withIt = new Dictionary<string, int>();
        trie.CollectNear("", "كتب中", 1, '中', withIt);

        Assert.Equal(["كتاب"], plain.Keys);
        Assert.Equal(["كتاب中", "كتب中"], withIt.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_swap_of_neighbours_is_one_edit_but_a_swapped_letter_edited_again_is_not()
    {
        // ca → ac is one swap; ca → abc is a swap and an insertion between the swapped letters, which the optimal
        // string alignment distance (Lucene's automaton) counts as three edits.
        var trie = WordTrie.Build(["abc", "ac"], [1, 1]);

        var found = new Dictionary<string, int>();
        trie.CollectNear("", "ca", 2, 'z', found);

        Assert.Equal(["ac"], found.Keys);
    }

    [Fact]
    public void Words_outside_the_basic_plane_are_left_out_and_an_empty_segment_holds_nothing()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, NewsWriterConfig.Create()))
        {
            writer.AddDocument(NewsDocumentMapper.ToDocument(Article("a", "كتاب 𠀀𠀁 جديد")));
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        var trie = WordTrie.Of(reader.Leaves[0].AtomicReader);

        Assert.Equal(2, trie.Words);
        Assert.Equal(0, WordTrie.Empty.Words);
    }

    [Fact]
    public void A_serving_index_builds_each_new_and_merged_segment_s_trie_ahead_and_once()
    {
        using var index = NewsIndex.InMemory(new NewsIndexOptions("(memory)"));
        for (var segment = 0; segment < 3; segment++)
        {
            index.WaitFor(index.Upsert(Article($"a{segment}", $"الزمرد في المعرض رقم {segment}")));
            index.Commit();
        }

        index.Refresh();
        var afterRefreshes = index.WordTrieBuilds;
        Assert.True(afterRefreshes >= 3, $"{afterRefreshes} builds after three refreshed segments");

        index.Optimize();
        Assert.Equal(afterRefreshes + 1, index.WordTrieBuilds);

        index.Refresh();
        var results = index.Search(new Search.Core.Querying.SearchRequest("الزمرذ"));
        Assert.Equal(3, results.Total);
        Assert.Equal(afterRefreshes + 1, index.WordTrieBuilds);
    }

    /// <summary>Every third word of the vocabulary, and one and two random slips of others (a letter dropped, added,
    /// replaced or swapped with the next), in Arabic letters and now and then a Latin letter or one past the Arabic block.</summary>
    private IEnumerable<string> Probes(int seed)
    {
        var random = new Random(seed);
        var words = Vocabulary();
        const string letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءئؤةىx中";
        for (var i = 0; i < words.Count; i += 3)
        {
            var word = words[i];
            yield return word;
            var slipped = Slip(word, random, letters);
            yield return slipped;
            yield return Slip(slipped, random, letters);
        }
    }

    private static string Slip(string word, Random random, string letters)
    {
        var at = random.Next(word.Length + 1);
        var letter = letters[random.Next(letters.Length)];
        return random.Next(4) switch
        {
            0 when word.Length > 1 && at < word.Length => word.Remove(at, 1),
            1 => word.Insert(at, letter.ToString()),
            2 when at < word.Length => string.Concat(word.AsSpan(0, at), letter.ToString(), word.AsSpan(at + 1)),
            3 when at + 1 < word.Length => string.Concat(word.AsSpan(0, at), word[at + 1].ToString(), word[at].ToString(), word.AsSpan(at + 2)),
            _ => word + letter,
        };
    }

    private List<string> Vocabulary()
    {
        var words = new List<string>();
        var terms = MultiFields.GetTerms(_reader, NewsFields.Text).GetEnumerator();
        while (terms.MoveNext())
        {
            var term = terms.Term.Utf8ToString();
            if (term[0] == ExactFormRepeatFilter.Marker && term.Length < 20)
            {
                words.Add(term[1..]);
            }
        }

        return words;
    }

    private Dictionary<string, int> TrieNear(WordTries tries, string probe, int maxEdits, int fixedLetters)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var highest = Math.Max(HighestArabicLetter, (int)probe.Skip(fixedLetters).Max());
        foreach (var leaf in _reader.Leaves)
        {
            tries.For(leaf.AtomicReader).CollectNear(probe[..fixedLetters], probe.AsSpan(fixedLetters), maxEdits, highest, found);
        }

        return found;
    }

    /// <summary>What the vocabulary lookups did before the trie: Lucene's automaton over the whole index's terms.</summary>
    private Dictionary<string, int> AutomatonNear(string probe, int maxEdits, int fixedLetters)
    {
        var rest = probe[fixedLetters..].Select(letter => (int)letter).ToArray();
        var automaton = BasicOperations.Concatenate(
            BasicAutomata.MakeString(ExactFormRepeatFilter.Marker + probe[..fixedLetters]),
            new LevenshteinAutomata(rest, Math.Max(HighestArabicLetter, rest.Max()), withTranspositions: true).ToAutomaton(maxEdits));
        var near = new CompiledAutomaton(automaton, finite: true, simplify: false).GetTermsEnum(MultiFields.GetTerms(_reader, NewsFields.Text));
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        while (near.MoveNext())
        {
            found[near.Term.Utf8ToString()[1..]] = near.DocFreq;
        }

        return found;
    }

    private static string Show(Dictionary<string, int> words) =>
        string.Join(", ", words.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}:{pair.Value}"));
}
