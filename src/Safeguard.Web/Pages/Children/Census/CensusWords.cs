using Microsoft.AspNetCore.Mvc.Rendering;

namespace Safeguard.Web.Pages.Children.Census;

/// <summary>DfE's CIN census code sets in words, for the census details form.</summary>
public static class CensusWords
{
    public static readonly IReadOnlyList<SelectListItem> Ethnicities =
    [
        new("Not recorded", ""),
        new("White British", "WBRI"), new("White Irish", "WIRI"), new("Traveller of Irish heritage", "WIRT"), new("Gypsy or Roma", "WROM"),
        new("Any other White background", "WOTH"), new("White and Black Caribbean", "MWBC"), new("White and Black African", "MWBA"),
        new("White and Asian", "MWAS"), new("Any other mixed background", "MOTH"), new("Indian", "AIND"), new("Pakistani", "APKN"),
        new("Bangladeshi", "ABAN"), new("Any other Asian background", "AOTH"), new("Black Caribbean", "BCRB"), new("Black African", "BAFR"),
        new("Any other Black background", "BOTH"), new("Chinese", "CHNE"), new("Any other ethnic group", "OOTH"),
        new("Refused", "REFU"), new("Information not yet obtained", "NOBT"),
    ];

    public static readonly IReadOnlyList<(string Code, string Words)> Disabilities =
    [
        ("NONE", "None"), ("MOB", "Mobility"), ("HAND", "Hand function"), ("PC", "Personal care"), ("INC", "Incontinence"),
        ("COMM", "Communication"), ("LD", "Learning"), ("HEAR", "Hearing"), ("VIS", "Vision"), ("BEH", "Behaviour"), ("CON", "Consciousness"),
        ("AUT", "Autism or Asperger's syndrome"), ("DDA", "Other disability under the Equality Act"),
    ];

    public static readonly IReadOnlyList<SelectListItem> PrimaryNeeds =
    [
        new("Not recorded", ""), new("N1 Abuse or neglect", "N1"), new("N2 Child's disability or illness", "N2"),
        new("N3 Parent's disability or illness", "N3"), new("N4 Family in acute stress", "N4"), new("N5 Family dysfunction", "N5"),
        new("N6 Socially unacceptable behaviour", "N6"), new("N7 Low income", "N7"), new("N8 Absent parenting", "N8"),
        new("N9 Cases other than children in need", "N9"), new("N0 Not stated", "N0"),
    ];

    public static IReadOnlyList<SelectListItem> UpnUnknownReasons { get; } =
        [new("Not given", ""), .. Core.Records.CensusDetails.UpnUnknownReasons.Select(r => new SelectListItem(r.Value, r.Key))];
}
