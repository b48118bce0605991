using Microsoft.AspNetCore.Mvc.Rendering;

namespace Safeguard.Web.Pages.Conferences.Shared;

/// <summary>A page with the conference form: its form, the chairs to choose from, and whether it is a review.</summary>
public interface IConferenceFormPage
{
    ConferenceForm Form { get; }

    IReadOnlyList<SelectListItem> ChairItems { get; }

    bool IsReview { get; }
}
