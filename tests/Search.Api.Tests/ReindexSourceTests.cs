using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Search.Api.Contracts;
using Search.Api.Endpoints;
using Search.Api.Hosting;
using Search.Core.Writing;

namespace Search.Api.Tests;

/// <summary>Where <c>POST /api/index/_reindex</c> looks for its paths, what it answers for folders it cannot fully
/// read, and the work folder a killed reindex leaves behind.</summary>
public sealed class ReindexSourceTests
{
    private const string Article = """{"id": "relative-1", "title": "خبر في مجلد نسبي"}""";

    /// <summary>Called directly with a content root of its own: under the test host the working directory is the
    /// content root, and a request could not tell them apart.</summary>
    [Fact]
    public async Task A_relative_path_is_taken_from_the_content_root_not_the_working_directory()
    {
        await using var factory = SearchApiFactory.WithWrites();
        var contentRoot = Directory.CreateTempSubdirectory("search-reindex-root-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(contentRoot, "articles"));
            await File.WriteAllTextAsync(Path.Combine(contentRoot, "articles", "a.jsonl"), Article + "\n");
            Assert.False(Directory.Exists("articles"));

            var answer = await IndexAdminEndpoints.RunReindex(
                new ReindexRequest(["articles"]),
                factory.Services.GetRequiredService<ArticleStore>(),
                factory.Services.GetRequiredService<IndexPaths>(),
                new HostingEnvironment { ContentRootPath = contentRoot },
                new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));

            Assert.Equal(1, Assert.IsType<Ok<ReindexResponse>>(answer.Result).Value!.Imported);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    /// <summary>A shutdown cancels a reindex (before its switch) instead of waiting for it, however long its source.</summary>
    [Fact]
    public async Task A_reindex_when_the_service_is_stopping_is_abandoned_with_503_and_the_next_one_runs()
    {
        await using var factory = SearchApiFactory.WithWrites();
        var stopping = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        stopping.StopApplication();

        var abandoned = await Reindex(factory, stopping);
        var next = await Reindex(factory, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));

        var problem = Assert.IsType<ProblemHttpResult>(abandoned.Result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.Equal("service_stopping", problem.ProblemDetails.Extensions["code"]);
        Assert.True(Assert.IsType<Ok<ReindexResponse>>(next.Result).Value!.Imported > 0);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no\0such")]
    public async Task A_path_that_names_no_file_is_refused_with_400(string path)
    {
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();

        using var response = await client.PostAsJsonAsync("/api/index/_reindex", new { paths = new[] { path } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid_parameter", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("paths", out _));
    }

    /// <summary>/proc/1 holds folders even root may not list (map_files) and links to / (root): the hostile probe
    /// that answered 500.</summary>
    [SkippableFact]
    public async Task A_folder_with_subfolders_that_cannot_be_listed_answers_400_with_them_as_problems()
    {
        const string unreadable = "/proc/1/map_files";
        Skip.IfNot(Directory.Exists(unreadable) && !CanList(unreadable), unreadable + " is readable or missing here");
        await using var factory = SearchApiFactory.WithWrites();
        using var client = factory.CreateWriter();

        using var response = await client.PostAsJsonAsync("/api/index/_reindex", new { paths = new[] { "/proc/1" } });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("empty_source", problem.GetProperty("code").GetString());
        var paths = problem.GetProperty("errors").GetProperty("paths").EnumerateArray().Select(item => item.GetString()).ToList();
        Assert.Contains(paths, message => message!.StartsWith(unreadable + ": cannot read the folder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_up_removes_the_work_folder_of_a_reindex_that_was_killed()
    {
        await using var factory = SearchApiFactory.WithWrites();
        var work = Path.Combine(factory.IndexPath, "reindex");
        Directory.CreateDirectory(work);
        await File.WriteAllBytesAsync(Path.Combine(work, "_0.cfs"), new byte[1024]);

        using var client = factory.CreateWriter();

        Assert.False(Directory.Exists(work));
    }

    private static Task<Results<Ok<ReindexResponse>, ValidationProblem, ProblemHttpResult>> Reindex(SearchApiFactory factory, IHostApplicationLifetime lifetime) =>
        IndexAdminEndpoints.RunReindex(
            new ReindexRequest([RepositoryLayout.SampleDataPath]),
            factory.Services.GetRequiredService<ArticleStore>(),
            factory.Services.GetRequiredService<IndexPaths>(),
            factory.Services.GetRequiredService<IHostEnvironment>(),
            lifetime);

    private static bool CanList(string folder)
    {
        try
        {
            _ = Directory.EnumerateFileSystemEntries(folder).Any();
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
