using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Search.Api.Hosting;

/// <summary>The feeds to poll (<c>Search:Feeds</c>, or <c>Search__Feeds__0__Url</c> … in the environment); none
/// configured polls nothing.</summary>
public sealed class FeedListOptions : IValidatableObject
{
    public const string Section = "Search";

    [ValidateEnumeratedItems]
    public List<FeedOptions> Feeds { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The URL names a feed in the statistics and, across nodes, in its lease.
        foreach (var url in Feeds.GroupBy(feed => feed.Url.Trim(), StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1).Select(group => group.Key))
        {
            yield return new ValidationResult($"The feed '{url}' is configured more than once.", [nameof(Feeds)]);
        }
    }
}
