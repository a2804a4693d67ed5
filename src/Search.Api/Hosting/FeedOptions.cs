using System.ComponentModel.DataAnnotations;
using Search.Core.Feeds;

namespace Search.Api.Hosting;

/// <summary>One entry of <c>Search:Feeds</c>: an RSS 2.0 or Atom feed the service polls.</summary>
public sealed class FeedOptions : IValidatableObject
{
    /// <summary>The feed document, http or https.</summary>
    [Required]
    public string Url { get; set; } = "";

    /// <summary>Time between polls while the feed answers; each poll is a conditional GET, cheap when nothing changed.</summary>
    [Range(1, 86_400)]
    public int IntervalSeconds { get; set; } = 300;

    /// <summary>The source given to its articles when the feed names none.</summary>
    [Required]
    public string Source { get; set; } = "";

    /// <summary>The section given to its articles when an item has no category.</summary>
    public string? Section { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || !ArticlePageExtractor.CanRead(url))
        {
            yield return new ValidationResult($"The feed URL '{Url}' is not an absolute http or https address.", [nameof(Url)]);
        }
    }

    public FeedSubscription ToSubscription() =>
        new(new Uri(Url), Source.Trim(), TimeSpan.FromSeconds(IntervalSeconds), string.IsNullOrWhiteSpace(Section) ? null : Section.Trim());
}
