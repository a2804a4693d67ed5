using System.Net;

namespace Search.Api.Tests;

/// <summary>A service started with no sample data, and the factory's own clean-up.</summary>
public sealed class EmptyIndexTests
{
    [Fact]
    public async Task EmptyIndexAnswersSearchesWithNoHits()
    {
        await using var app = SearchApiFactory.WithoutSampleData();
        using var client = app.CreateClient();

        var results = await client.SearchOkAsync("الاتصالات");

        Assert.Equal(0, results.Total);
        Assert.Empty(results.Hits);
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var article = await client.GetAsync("/api/articles/sample-tech-001");
        await article.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task EachFactoryGetsItsOwnIndexFolderAndDeletesItOnDispose()
    {
        string indexPath;
        await using (var app = SearchApiFactory.WithoutSampleData())
        {
            using var client = app.CreateClient();
            using var response = await client.GetAsync("/health");
            indexPath = app.IndexPath;
            Assert.True(Path.IsPathFullyQualified(indexPath));
            Assert.False(indexPath.StartsWith(RepositoryLayout.Root, StringComparison.Ordinal));
            Assert.NotEmpty(Directory.EnumerateFileSystemEntries(indexPath));
        }

        Assert.False(Directory.Exists(indexPath));
    }
}
