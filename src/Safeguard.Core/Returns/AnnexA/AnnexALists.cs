namespace Safeguard.Core.Returns.AnnexA;

/// <summary>One of Annex A's child-level lists: its sheet name, what it is, and its column headings in order.</summary>
public sealed record AnnexAList(int Number, string Title, IReadOnlyList<string> Headings)
{
    public string SheetName => $"List {Number}";
}

/// <summary>
/// The lists of Ofsted's Annex A that come from the child's social care record, with Ofsted's column headings exactly as
/// published (Ofsted, "Inspecting local authority children's services" (ILACS), Annex A data template, lists 1 to 7;
/// docs/returns.md names the copy the headings were taken from). Lists 8 onwards (children looked after, care leavers,
/// adoption) are not written: this record does not hold them.
/// </summary>
public static class AnnexALists
{
    private static readonly string[] Child = ["Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)"];

    private const string Disability = "Does the Child have a Disability";
    private const string Team = "Allocated Team";
    private const string Worker = "Allocated Worker";

    public static readonly AnnexAList Contacts = new(1, "Contacts", [.. Child, "Date of Contact", "Contact Source"]);

    public static readonly AnnexAList EarlyHelp = new(2, "Early help",
        [.. Child, "Assessment start date", "Assessment completion date", "Organisation completing assessment"]);

    public static readonly AnnexAList Referrals = new(3, "Referrals",
        [.. Child, "Date of referral", "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months", Team, Worker]);

    public static readonly AnnexAList Assessments = new(4, "Assessments",
        [.. Child, Disability, "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
            "Continuous Assessment Date of Authorisation", "Was the child assessed as requiring LA children's social care support?", Team, Worker]);

    public static readonly AnnexAList Section47s = new(5, "Section 47 enquiries and initial child protection conferences",
        [.. Child, Disability, "Strategy discussion initiating Section 47 Enquiry Start Date",
            "Was an Initial Child Protection Conference deemed unnecessary?", "Date of Initial Child Protection Conference",
            "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months", Team, Worker]);

    public static readonly AnnexAList ChildrenInNeed = new(6, "Children in need",
        [.. Child, Disability, "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure",
            "Case Status", Team, Worker]);

    public static readonly AnnexAList ChildProtection = new(7, "Child protection",
        [.. Child, Disability, "Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
            "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference", "Child Protection Plan End Date",
            "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
            "Number of Previous Child Protection Plans", Team, Worker]);

    public static readonly IReadOnlyList<AnnexAList> All = [Contacts, EarlyHelp, Referrals, Assessments, Section47s, ChildrenInNeed, ChildProtection];
}
