using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding;

/// <summary>An action agreed in an allocation discussion, due <paramref name="DueInDays"/> from today (negative: in the past, done).</summary>
internal sealed record DemoAgreed(string What, int DueInDays);

/// <summary>
/// One worker's time holding a demo child's case: who allocated it to whom, when (days ago; null: yesterday afternoon,
/// the last working day), the risks discussed and the actions agreed, and when and why it ended if it has.
/// </summary>
internal sealed record DemoSpell(string Worker, string Manager, double? DaysAgo, string Risks, DemoAgreed[] Actions,
    string? ReallocationReason = null, double? EndedDaysAgo = null, bool EndedYesterday = false, string? EndReason = null,
    bool Accepted = true, DemoOutsideTheRules? OutsideTheRules = null);

/// <summary>
/// An allocation made outside the rules, for the report of them: beyond the worker's capacity (the load it took them to and
/// their capacity), or against the competence rules (the rules broken, and the service manager who overrode them).
/// </summary>
internal sealed record DemoOutsideTheRules(string Reason, double? LoadAfter = null, double? Capacity = null, string? OverriddenBy = null,
    string[]? RulesBroken = null);

/// <summary>A case supervision of the current worker by their manager, days ago.</summary>
internal sealed record DemoCaseSupervision(double DaysAgo, string Reflection, string RiskAnalysis, string Decisions);

/// <summary>A demo child's case: the kind it is, its workers in order (the last one holds it now) and its case supervision.</summary>
internal sealed record DemoCase(string Child, CaseKind Kind, DemoSpell[] Spells, DemoCaseSupervision[] Supervisions);

/// <summary>
/// The allocation stories behind the demo's allocated referrals. What the journeys and pages rely on: Jayden Watson's
/// case was allocated to Hannah Wright yesterday and she has not accepted it yet; Ellie and Jayden Watson have had three
/// workers in twelve months; Ruby Ahmed's worker, Michael O'Brien, leaves in two weeks (her case is on Chloe Adams's
/// tray to reallocate); Leo Carter's and Poppy Walsh's case supervision is overdue; Harvey Collins's case went to Sophie
/// Turner beyond her capacity, and Poppy Walsh's to Ravi Kumar on Helen Price's override of the competence rules. Kai Robinson still awaits allocation
/// in the assessment team (Martin Hughes), as the allocate journey needs. Lily Harrison's case closed last year (its story in
/// <see cref="DemoChildren"/>).
/// </summary>
internal static class DemoAllocations
{
    private const string Martin = "martin.hughes@northbridge.example", Chloe = "chloe.adams@northbridge.example";
    private const string Sam = "sam.okafor@northbridge.example", Grace = "grace.lee@northbridge.example",
        Hannah = "hannah.wright@northbridge.example", Daniel = "daniel.osei@northbridge.example",
        Fatima = "fatima.begum@northbridge.example", Ben = "ben.taylor@northbridge.example",
        Sophie = "sophie.turner@northbridge.example", Ravi = "ravi.kumar@northbridge.example",
        Michael = "michael.obrien@northbridge.example", Helen = "helen.price@northbridge.example";

    private const string DanielOffSick = "Daniel Osei on long-term sick leave";
    private const string BothWatsons = "One worker to hold both Watson children";

    public static readonly IReadOnlyList<DemoCase> All =
    [
        new("Maya Green", CaseKind.ChildProtection,
            [
                new(Grace, Chloe, 699,
                    "Mother's mental health has deteriorated quickly and she has stopped taking her medication. Maya relies on her for all " +
                    "her care; no other adult lives in the home; her grandmother helps but lives 20 miles away.",
                    [new("See Maya alone, at home and at school", -696), new("Speak to the mother's GP and the community mental health team", -694)]),
            ],
            [
                new(38, "Grace reflected that her last two visits were arranged in advance and the home had been prepared for them; she wants to see " +
                        "Maya's day as it really is.",
                    "Mother is taking her medication again and working with the community mental health team. The risk rises when she stops: that " +
                    "happened twice last year and nobody noticed for weeks. Maya's school attendance is the earliest sign we have.",
                    "One unannounced visit before the review conference. The school tells Grace the same day if Maya is absent without a reason."),
                new(12, "Grace noticed that she had been reassured by the mother's own account; the grandmother's and the school's views are more reliable.",
                    "Attendance is 96% this term; the unannounced visit found the home warm and food in the cupboards; the psychiatrist reports the " +
                    "mother is stable. Protective factors are stronger than at the last conference but depend on the grandmother's help continuing.",
                    "Recommend that the plan continues to the next review. Grace to invite the grandmother to the core group."),
            ]),
        new("Leo Carter", CaseKind.LookedAfter,
            [
                new(Sam, Martin, 499,
                    "Leo has no adult to care for him while his mother is in hospital; he has been alone for three days and is frightened; no " +
                    "relatives are known locally; he may try to go home to look for his mother.",
                    [new("Find Leo a foster placement today and visit him there", -499), new("Visit Leo's mother in hospital for her consent and her views", -497),
                     new("Look for relatives or family friends who could care for Leo", -490)]),
            ],
            [
                new(62, "Sam described how hard it has been for Leo to hear that he cannot go home yet; Sam felt he had to have every answer.",
                    "Leo is settled in his placement and at school. The main risk is drift: his return home depends on his mother's recovery and there " +
                    "is no date for it.",
                    "Sam to ask for a family group conference to look for family who could care for Leo. The next looked after review to consider a parallel plan."),
            ]),
        new("Ellie Watson", CaseKind.ChildInNeed,
            [
                new(Daniel, Martin, 399,
                    "Ellie and her brother come to school hungry; there is little food at home and money runs out before payday. No violence is known.",
                    [new("Visit the family at home and see Ellie and Jayden", -396), new("Ask the school nurse about Ellie's weight", -390)],
                    EndedDaysAgo: 200, EndReason: "Reallocated: " + DanielOffSick),
                new(Ben, Martin, 200,
                    "The child in need plan is working (food bank, free school meals); the risk is that the family drift out of contact with a new worker.",
                    [new("Meet the family at home with the school's family support worker", -195)],
                    ReallocationReason: DanielOffSick, EndedDaysAgo: 45, EndReason: "Reallocated: Ben Taylor's caseload is over capacity"),
                new(Hannah, Martin, 45,
                    "Ellie's third worker in a year: the family are tired of repeating their story. The mother's new partner has moved in and nothing " +
                    "is known about him.",
                    [new("Visit Ellie at home and see her alone", -42), new("Police and probation checks on the mother's new partner", -40),
                     new("Child in need review meeting with the school and the health visitor", 9)],
                    ReallocationReason: "Ben Taylor's caseload is over capacity"),
            ],
            [
                new(20, "Hannah reflected that Ellie has had three workers this year and said little to any of them; she wants to build trust " +
                        "before asking about the new partner.",
                    "Checks show the new partner has a caution for assaulting a former partner (2019); nothing involving children. Ellie's attendance " +
                    "and weight are good. The worry has moved from neglect to possible domestic abuse, which nobody has yet asked Ellie about.",
                    "Hannah to see Ellie alone at school before the review. The school to tell Hannah of any change in Ellie's mood. A strategy " +
                    "discussion if anything suggests harm."),
            ]),
        new("Jayden Watson", CaseKind.ChildInNeed,
            [
                new(Daniel, Martin, 399,
                    "The same worries as for his sister: hunger and little food at home. Jayden is four and cannot tell anyone himself.",
                    [new("See Jayden at nursery and at home", -395)],
                    EndedDaysAgo: 200, EndReason: "Reallocated: " + DanielOffSick),
                new(Ben, Martin, 200,
                    "Jayden is doing well at nursery; the plan depends on his mother keeping up with the food bank and benefits advice.",
                    [new("Meet Jayden and his mother at home", -196)],
                    ReallocationReason: DanielOffSick, EndedYesterday: true, EndReason: "Reallocated: " + BothWatsons),
                new(Hannah, Martin, null,
                    "Jayden is too young to speak for himself. The mother's new partner has moved in and has a caution for assault; today his sister " +
                    "told school she was grabbed by him.",
                    [new("See Jayden at home with Ellie, and meet the mother's new partner", 3)],
                    ReallocationReason: BothWatsons, Accepted: false),
            ],
            []),
        new("Ruby Ahmed", CaseKind.ChildProtection,
            [
                new(Michael, Chloe, 158,
                    "Ruby says her stepfather hit her with a belt and there are marks; her mother may not believe her; two younger half-brothers live " +
                    "in the home.",
                    [new("Visit Ruby at school with the police today", -158), new("Child protection medical", -157)]),
            ],
            [
                new(10, "Michael reflected on handing Ruby's case on when he leaves: Ruby has told him she does not want \"another new person\".",
                    "Her stepfather has left the home under a written agreement while the police investigate; her mother now believes Ruby and " +
                    "protects her. The risk is his return before the investigation ends.",
                    "Reallocate before Michael leaves, with a joint visit to introduce the new worker. The core group to check the written agreement is kept."),
            ]),
        new("Harvey Collins", CaseKind.ChildProtection,
            [
                new(Sophie, Chloe, 88,
                    "Harvey is two and nobody outside the family has seen him since he missed his health checks; the home was cold and dirty; his " +
                    "mother's partner uses cannabis every day.",
                    [new("Unannounced visit to see Harvey and where he sleeps", -87), new("Book Harvey's missed health checks with the health visitor", -80),
                     new("Core group to review the safety plan with the family", 4)],
                    OutsideTheRules: new("Sophie knows the family from the assessment last year and two of her cases close this month.", 12.5, 12)),
            ],
            [
                new(25, "Sophie works three days a week and worries that things happen on the days she is not there.",
                    "Harvey's health checks are up to date and he goes to nursery; the home is warmer. The partner's drug use continues and he cares " +
                    "for Harvey alone two days a week.",
                    "Ask the drug and alcohol service to work with the partner. The nursery to share Harvey's attendance weekly."),
            ]),
        new("Poppy Walsh", CaseKind.ChildProtection,
            [
                new(Ravi, Chloe, 73,
                    "Poppy has seen repeated violence between her parents; her father has been arrested twice; her mother says she will not leave him.",
                    [new("See Poppy alone at school", -72), new("Refer Poppy's mother to the independent domestic violence adviser", -70)],
                    OutsideTheRules: new("Ravi worked with Poppy's family in the summer and no trained worker has room this week; his section 47 " +
                        "refresher is booked for the 14th and Chloe supervises the enquiry weekly until then.",
                        OverriddenBy: Helen, RulesBroken: ["Child protection: section 47 enquiries training is not current"])),
            ],
            []),
        new("Lily Harrison", CaseKind.ChildInNeed,
            [
                new(Ben, Martin, 619,
                    "Lily hides in her room when her mother's boyfriend is angry; nobody has been hurt, but the police have been called twice.",
                    [new("See Lily alone at school", -616), new("Talk to Lily's mother on her own about the boyfriend", -612)]),
            ],
            []),
        new("Freddie Morris", CaseKind.ChildInNeed,
            [
                new(Daniel, Martin, 68,
                    "Freddie may be caring for his mother, who has multiple sclerosis; he is missing school; no other adult lives at home.",
                    [new("Visit Freddie and his mother at home", -65), new("Young carer's assessment for Freddie", 6)]),
            ],
            [
                new(30, "Daniel reflected that Freddie is proud of looking after his mum and may hide how much he does.",
                    "No sign of harm; the risk is to Freddie's education and childhood. His mother's condition is getting worse.",
                    "Young carer's assessment, and ask adult social care to assess the mother's own needs."),
            ]),
        new("Isla Murphy", CaseKind.ChildInNeed,
            [
                new(Fatima, Martin, 63,
                    "Isla's mother has low mood and no money since her partner left; Isla is five, well cared for and at school every day.",
                    [new("Visit Isla and her mother at home", -60), new("Help the mother apply for benefits and the food bank", -55)]),
            ],
            [
                new(14, "Fatima's first case as the named worker; she reflected that she wanted to fix everything for the family at once.",
                    "Low risk of harm: Isla is well cared for and attends school. The pressure is money and isolation, which the plan addresses.",
                    "Fatima to shadow Hannah at a child in need review before Isla's. Weekly supervision while she is newly qualified."),
            ]),
    ];

    /// <summary>Personal supervision: days since each social worker's last one (over the cycle: overdue).</summary>
    public static readonly IReadOnlyDictionary<string, int> LastPersonalSupervision = new Dictionary<string, int>
    {
        [Sam] = 16, [Grace] = 9, [Hannah] = 21, [Daniel] = 47, [Fatima] = 6, [Ben] = 26, [Sophie] = 12, [Ravi] = 33, [Michael] = 18,
    };
}
