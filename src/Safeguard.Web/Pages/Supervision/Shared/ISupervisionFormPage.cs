using Microsoft.AspNetCore.Mvc.Rendering;

namespace Safeguard.Web.Pages.Supervision.Shared;

/// <summary>A page with the supervision form: the form and who actions can be given to (for _Actions.cshtml).</summary>
public interface ISupervisionFormPage
{
    SupervisionForm Form { get; }

    IReadOnlyList<SelectListItem> OwnerItems { get; }
}
