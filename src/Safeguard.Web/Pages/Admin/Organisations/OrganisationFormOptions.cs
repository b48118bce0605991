using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Pages.Admin.Organisations;

/// <summary>The choices on the add and change organisation forms.</summary>
public static class OrganisationFormOptions
{
    public static readonly IReadOnlyList<SelectListItem> Kinds =
        Enum.GetValues<OrganisationKind>().Select(k => new SelectListItem(WorkforceKinds.DisplayName(k), k.ToString())).ToList();

    public static readonly IReadOnlyList<SelectListItem> CinReferralSourceCodes =
    [
        new SelectListItem("The default for its kind", ""),
        .. CinReferralSources.All.Select(s => new SelectListItem($"{s.Code}: {s.Description}", s.Code)),
    ];

    public const string CodeHint = "Used in the Children in Need census for referrals from this organisation. The default is 6 for police, "
        + "3F for health, 2A for education, 5B for a local authority and 8 for others.";

    /// <summary>"2A (the default for education)" or "3A: Health services: GP".</summary>
    public static string SourceText(OrganisationLine o) => o.OwnCinReferralSourceCode is { } own
        ? $"{own}: {CinReferralSources.Describe(own)}"
        : $"{CinReferralSourceRule.For(o.Kind)} (the default for {WorkforceKinds.DisplayName(o.Kind).ToLowerInvariant()})";
}
