using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Work;

namespace Safeguard.Core.Seeding;

internal sealed record DemoContact(TimeSpan Ago, ContactChannel Channel, string Referrer, string Organisation, string Concern,
    string Categories, Priority Priority, ScreeningOutcome? Outcome, string? Reasons = null, bool Injury = false,
    bool ImmediateRisk = false, string SourceCode = "1B", string Factors = "", PlanKind? Plan = null,
    string? Worker = null, LookedAfterLegalStatus? LookedAfter = null, double? ClosedDaysAgo = null,
    int? ClosesWorkingDaysAfterAssessment = null);

internal sealed record DemoChild(Person Person, IReadOnlyList<DemoContact> Contacts)
{
    /// <summary>A restricted record: why, the manager who holds its access list, and the others named on it (emails).</summary>
    public (string Reason, string Holder, string[] Others)? Restricted { get; init; }
}

/// <summary>The demo council's children and the stories behind their records. All fictional.</summary>
internal static class DemoChildren
{
    public static IReadOnlyList<DemoChild> Create(DateOnly today)
    {
        var number = 0;
        DemoChild Child(string given, string family, int ageYears, Sex sex, string nhs, string line1, string postcode, params DemoContact[] contacts)
        {
            var dateOfBirth = today.AddYears(-ageYears).AddDays(-(given.Length * 37 % 300));
            var (upn, noUpn) = CensusSeedValues.Upn(++number, dateOfBirth, today);
            var person = new Person(given, family, dateOfBirth, sex)
            {
                NhsNumber = nhs,
                School = ageYears is >= 4 and <= 11 ? DemoAccounts.School : null,
                Upn = upn,
                UpnUnknownReason = noUpn,
                Ethnicity = CensusSeedValues.Ethnicity(number),
                Disabilities = CensusSeedValues.Disabilities(number),
            };
            person.Addresses.Add(new PersonAddress(line1, "Northbridge", postcode, today.AddYears(-2)));
            return new DemoChild(person, contacts);
        }

        var days = (double d) => TimeSpan.FromDays(d);
        return
        [
            Child("Ellie", "Watson", 7, Sex.Female, "9434765919", "14 Mill Lane", "NB1 4QT",
                new DemoContact(days(400), ContactChannel.PartnerApi, "Arjun Singh", DemoAccounts.School,
                    "Ellie came to school hungry on several days and said there was no food at home.", "neglect",
                    Priority.Standard, ScreeningOutcome.ReferralToSocialCare, "Repeated signs of neglect reported by school.",
                    SourceCode: "3A", Factors: "16A", Plan: PlanKind.ChildInNeed, Worker: "hannah.wright@northbridge.example"),
                new DemoContact(days(0.2), ContactChannel.PartnerApi, "Arjun Singh", DemoAccounts.School,
                    "Ellie has a bruise on her upper arm and says her mum's new partner grabbed her.", "physical-abuse",
                    Priority.ChildProtection, null, Injury: true)),
            Child("Jayden", "Watson", 4, Sex.Male, "1860913903", "14 Mill Lane", "NB1 4QT",
                new DemoContact(days(400), ContactChannel.PartnerApi, "Arjun Singh", DemoAccounts.School,
                    "Sibling of Ellie; same concerns about food at home.", "neglect", Priority.Standard,
                    ScreeningOutcome.ReferralToSocialCare, "Sibling of a child referred for neglect.", SourceCode: "3A", Factors: "16A",
                    Worker: "hannah.wright@northbridge.example")),
            Child("Amara", "Okoye", 15, Sex.Female, "9960308243", "3 Canal Street", "NB2 7HD",
                new DemoContact(days(0.4), ContactChannel.PartnerPage, "PC Rhys Jones", DemoAccounts.Police,
                    "Amara was found in a car with older males at 2am; concerns about exploitation.", "exploitation",
                    Priority.ChildProtection, ScreeningOutcome.StrategyDiscussion, "Risk of child sexual exploitation; strategy discussion needed.",
                    ImmediateRisk: true, SourceCode: "5A")),
            Child("Noah", "Fletcher", 0, Sex.Male, "6281948211", "22 Orchard Road", "NB3 2LP",
                new DemoContact(days(1.6), ContactChannel.PartnerPage, "Kate Ward", DemoAccounts.Health,
                    "Health visitor saw a small bruise on the cheek of a non-mobile baby; mother's explanation unclear.", "physical-abuse",
                    Priority.ChildProtection, null, Injury: true)),
            // A case closed within the last year: a new referral for Lily is a re-referral.
            Child("Lily", "Harrison", 10, Sex.Female, "9935181901", "8 Station Road", "NB1 9XA",
                new DemoContact(days(620), ContactChannel.PartnerPage, "Dr Anna Patel", DemoAccounts.Health,
                    "Lily's mother told her GP that her boyfriend shouts and breaks things at night and that Lily hides in her room.",
                    "domestic-abuse|emotional-abuse", Priority.Urgent, ScreeningOutcome.ReferralToSocialCare,
                    "Domestic abuse at home affecting Lily; assessment needed.", SourceCode: "3A", Factors: "3A|17A", Plan: PlanKind.ChildInNeed,
                    Worker: "ben.taylor@northbridge.example", ClosedDaysAgo: 320),
                new DemoContact(days(200), ContactChannel.FrontDoor, "Anonymous neighbour", "Member of the public",
                    "Neighbour reports shouting and a child crying late at night.", "domestic-abuse",
                    Priority.Standard, ScreeningOutcome.InformationAndAdvice, "No corroborating concerns; advice given to caller."),
                new DemoContact(days(6), ContactChannel.PartnerApi, "PC Rhys Jones", DemoAccounts.Police,
                    "Police attended a domestic incident; Lily was present.", "domestic-abuse",
                    Priority.Urgent, null)),
            Child("Oliver", "Price", 13, Sex.Male, "9378657974", "41 High Street", "NB4 1AB",
                new DemoContact(days(90), ContactChannel.PartnerApi, "Arjun Singh", DemoAccounts.School,
                    "Oliver disclosed that his father's drinking frightens him.", "substance-misuse",
                    Priority.Standard, ScreeningOutcome.EarlyHelp, "Family agree to early help support.")),
            Child("Maya", "Green", 6, Sex.Female, "5432319489", "5 Elm Close", "NB2 3EF",
                new DemoContact(days(700), ContactChannel.PartnerPage, "Kate Ward", DemoAccounts.Health,
                    "Mother's mental health has deteriorated; concerns about care of Maya.", "mental-health|neglect",
                    Priority.Urgent, ScreeningOutcome.ReferralToSocialCare, "Parental mental health affecting care.",
                    SourceCode: "2A", Factors: "4B|16A", Plan: PlanKind.ChildProtection, Worker: "grace.lee@northbridge.example")),
            Child("Kai", "Robinson", 9, Sex.Male, "5559797111", "12 Willow Walk", "NB3 8RT",
                new DemoContact(days(2), ContactChannel.PartnerApi, "Arjun Singh", DemoAccounts.School,
                    "Kai told his teacher he is scared to go home because of fighting between his parents.", "domestic-abuse",
                    Priority.Urgent, ScreeningOutcome.ReferralToSocialCare, "Domestic abuse at home affecting Kai; assessment needed.",
                    SourceCode: "2A")),
            Child("Leo", "Carter", 12, Sex.Male, "4857302640", "Flat 2, 9 Queens Road", "NB4 6PL",
                new DemoContact(days(500), ContactChannel.PartnerApi, "PC Rhys Jones", DemoAccounts.Police,
                    "Leo was found alone at home for the third day; his mother is in hospital and no family can care for him.", "neglect",
                    Priority.Urgent, ScreeningOutcome.ReferralToSocialCare, "No one to care for Leo; he needs to be accommodated.",
                    SourceCode: "5A", Factors: "6B|16A", Worker: "sam.okafor@northbridge.example", LookedAfter: LookedAfterLegalStatus.CareOrder)),
            Child("Ethan", "Clarke", 16, Sex.Male, "2527601898", "77 Park View", "NB5 6GH",
                new DemoContact(days(0.9), ContactChannel.FrontDoor, "Ethan's aunt", "Family member",
                    "Ethan has not been home for two nights and is not answering his phone.", "exploitation",
                    Priority.Urgent, null)),
            // Need to know: a relative of the front door's own team manager, so only the people on the list see her.
            Child("Rosie", "Bennett", 8, Sex.Female, "4010232137", "19 Brook Street", "NB5 2JW",
                new DemoContact(days(0.5), ContactChannel.PartnerApi, "Arjun Singh", DemoAccounts.School,
                    "Rosie said she does not want to go home this weekend and would not say why.", "emotional-abuse",
                    Priority.Urgent, null)) with
            {
                Restricted = ("Relative of a member of staff in the front door team", "helen.price@northbridge.example",
                    ["grace.lee@northbridge.example", "priya.shah@northbridge.example"]),
            },
            // Children whose cases are held in the assessment and child protection teams (allocations: DemoAllocations).
            Child("Ruby", "Ahmed", 11, Sex.Female, "4793809278", "6 Foundry Row", "NB2 5TS",
                new DemoContact(days(160), ContactChannel.PartnerApi, "Arjun Singh", DemoAccounts.School,
                    "Ruby told her teacher that her stepfather hit her with a belt; there are red marks on the backs of her legs.",
                    "physical-abuse", Priority.ChildProtection, ScreeningOutcome.ReferralToSocialCare,
                    "Disclosure of physical abuse with marks seen; section 47 enquiry needed.", Injury: true, SourceCode: "2A",
                    Factors: "18C", Plan: PlanKind.ChildProtection, Worker: "michael.obrien@northbridge.example")),
            Child("Harvey", "Collins", 2, Sex.Male, "5253093184", "31 Tannery Court", "NB3 4JN",
                new DemoContact(days(90), ContactChannel.PartnerPage, "Kate Ward", DemoAccounts.Health,
                    "Harvey has missed three health checks; the home was cold and dirty at a visit and he had a nappy rash with sores.",
                    "neglect", Priority.Urgent, ScreeningOutcome.ReferralToSocialCare, "Neglect of a very young child; assessment needed.",
                    SourceCode: "3B", Factors: "2B|16A", Plan: PlanKind.ChildProtection, Worker: "sophie.turner@northbridge.example")),
            Child("Poppy", "Walsh", 6, Sex.Female, "5610083168", "2 Kestrel Way", "NB4 8QD",
                new DemoContact(days(75), ContactChannel.PartnerApi, "PC Rhys Jones", DemoAccounts.Police,
                    "Third police call-out in a month to arguments between Poppy's parents; Poppy was hiding upstairs.",
                    "domestic-abuse|emotional-abuse", Priority.Urgent, ScreeningOutcome.ReferralToSocialCare,
                    "Repeated domestic abuse witnessed by Poppy.", SourceCode: "5A", Factors: "3A|17A",
                    Plan: PlanKind.ChildProtection, Worker: "ravi.kumar@northbridge.example")),
            Child("Freddie", "Morris", 8, Sex.Male, "7162859828", "48 Wharf Road", "NB1 2HU",
                new DemoContact(days(70), ContactChannel.PartnerApi, "Arjun Singh", DemoAccounts.School,
                    "Freddie's attendance has fallen to 60% and he says he looks after his mum, who is unwell.", "neglect",
                    Priority.Standard, ScreeningOutcome.ReferralToSocialCare, "Possible young carer; needs assessment.",
                    SourceCode: "2A", Factors: "6B|7A", Worker: "daniel.osei@northbridge.example")),
            Child("Isla", "Murphy", 5, Sex.Female, "7796801343", "17 Beacon Hill", "NB5 3LR",
                new DemoContact(days(65), ContactChannel.PartnerPage, "Kate Ward", DemoAccounts.Health,
                    "Isla's mother has told the health visitor she is struggling after her partner left and cannot afford food.",
                    "neglect|mental-health", Priority.Standard, ScreeningOutcome.ReferralToSocialCare,
                    "Family under pressure; assessment of Isla's needs.", SourceCode: "3B", Factors: "4B", Plan: PlanKind.ChildInNeed,
                    Worker: "fatima.begum@northbridge.example")),
        ];
    }
}
