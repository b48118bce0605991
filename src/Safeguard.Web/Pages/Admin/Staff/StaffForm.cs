using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Pages.Admin.Staff;

/// <summary>The choices on the staff record pages' forms.</summary>
public static class StaffForm
{
    public static readonly IReadOnlyList<SelectListItem> YesNo = [new("Yes", "yes"), new("No", "no")];

    public static readonly IReadOnlyList<SelectListItem> Employments =
    [
        .. Enum.GetValues<EmploymentKind>().Select(k => new SelectListItem(k.Words(), k.ToString())),
        new("Neither: holds no cases", "None"),
    ];

    public static readonly IReadOnlyList<SelectListItem> TrainingKinds =
        [new("Choose the training", ""), .. Enum.GetValues<TrainingKind>().Select(k => new SelectListItem(k.Words(), k.ToString()))];

    public static readonly IReadOnlyList<SelectListItem> AbsenceKinds =
        Enum.GetValues<AbsenceKind>().Select(k => new SelectListItem(k.Words(), k.ToString())).ToList();

    public static T? Parse<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var kind) && Enum.IsDefined(kind) ? kind : null;

    public static string Day(DateOnly? day) => day is { } d ? d.ToString("d MMMM yyyy") : "";
}
