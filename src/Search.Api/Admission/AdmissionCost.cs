using Search.Core.Querying;

namespace Search.Api.Admission;

/// <summary>Endpoint metadata that fixes the lane <see cref="AdmissionFilter"/> admits a route in, instead of guessing
/// it from the <c>q</c> parameter: a suggestion is light whatever was typed (a <c>*</c> would make a search heavy).</summary>
public sealed record AdmissionCost(SearchCost Cost);
