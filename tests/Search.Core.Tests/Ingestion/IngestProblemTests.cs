using Search.Core.Ingestion;

namespace Search.Core.Tests.Ingestion;

public sealed class IngestProblemTests
{
    [Fact]
    public void A_problem_prints_as_one_line_whatever_its_file_name_and_message_hold()
    {
        var problem = new IngestProblem("evil\nskipped fake.jsonl:1: x\u001b[31m.jsonl", 3, "bad\tvalue\r");

        Assert.Equal("evil\\u000Askipped fake.jsonl:1: x\\u001B[31m.jsonl:3: bad\\u0009value\\u000D", problem.ToString());
    }

    [Fact]
    public void An_ordinary_problem_prints_as_it_is()
    {
        Assert.Equal("الأخبار.jsonl:7: invalid JSON", new IngestProblem("الأخبار.jsonl", 7, "invalid JSON").ToString());
        Assert.Equal("page.html: no title", new IngestProblem("page.html", null, "no title").ToString());
    }
}
