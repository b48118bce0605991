using Safeguard.Core.Conferences;
using Safeguard.Core.Enquiries;

namespace Safeguard.Core.Seeding;

/// <summary>What the demo's workers, chairs and partners write at each step of a case (<see cref="CasePathways"/>). All fictional.</summary>
internal static class DemoWords
{
    private static readonly Dictionary<Agency, (string Name, string Role)> People = new()
    {
        [Agency.Police] = ("DS Laura Hughes", "Child abuse investigation team"),
        [Agency.Health] = ("Kate Ward", "Health visitor"),
        [Agency.Education] = ("Arjun Singh", "Designated safeguarding lead"),
    };

    /// <summary>The worker for children's social care, and one named person for each other agency.</summary>
    public static IReadOnlyList<ParticipantInput> Partners(string worker, params Agency[] agencies) =>
        agencies.Select(a => a == Agency.ChildrensSocialCare
            ? new ParticipantInput(a, worker, "Social worker")
            : new ParticipantInput(a, People[a].Name, People[a].Role)).ToList();

    public static string Analysis(DemoContact story) =>
        $"{story.Reasons} The assessment confirmed the concerns and found what helps: the family accept that support is needed, and " +
        "the school and health visitor see the child most days.";

    public static string InformationShared(DemoContact story) =>
        $"{story.Concern} Police hold two earlier call-outs to the address; health records show missed appointments; school report the child " +
        "quieter than usual this term.";

    public static string Section47Reasons(DemoContact story) =>
        $"Reasonable cause to suspect significant harm: {story.Reasons?.TrimEnd('.').ToLowerInvariant()}. A joint enquiry with the police.";

    /// <summary>The conference's category of abuse, from the concerns the contact raised.</summary>
    public static AbuseCategory Category(string categories) =>
        categories.Contains("physical", StringComparison.Ordinal) ? AbuseCategory.Physical
        : categories.Contains("sexual", StringComparison.Ordinal) ? AbuseCategory.Sexual
        : categories.Contains("emotional", StringComparison.Ordinal) ? AbuseCategory.Emotional
        : AbuseCategory.Neglect;

    public static string ConferenceReasons(string child, AbuseCategory category) =>
        $"{child} is likely to suffer significant harm ({category.ToString().ToLowerInvariant()}) without a plan; the family agree to work with it.";

    public const string ReviewReasons = "Progress made, but the risks that led to the plan remain; the plan continues with the same category.";

    public static string CoreGroup(string worker) => $"{worker} (social worker), the parents, the health visitor, the school's safeguarding lead";

    private static readonly string[] CoreGroupNotesText =
    [
        "Went through the plan's actions: the health checks are booked, school attendance is up. The parents ask for help with money.",
        "The home is warmer and tidier. The parents missed one appointment with the drug and alcohol service; rebooked.",
        "Attendance 94% this half term. The child told the school nurse that things are calmer at home.",
    ];

    public static string CoreGroupNotes(int n) => CoreGroupNotesText[n % CoreGroupNotesText.Length];

    public const string VisitParticipants = "The child and their parent";

    private static readonly string[] ObservedText =
    [
        "Unannounced visit. The home was warm, with food in the cupboards. Saw the child's bedroom; clean bedding.",
        "The child was playing and chatty; talked about school and friends. The parent was calm and engaged.",
        "The child was quieter than last time and said they were tired. No marks seen. Agreed to check with school tomorrow.",
        "Visit with the health visitor. Weight and development on track; the parent asked about nursery places.",
    ];

    public static string Observed(int n) => ObservedText[n % ObservedText.Length];

    public const string ReviewParticipants = "The child, their parent, the social worker, the school's family support worker";

    private static readonly string[] ProgressText =
    [
        "Free school meals and the food bank are in place; attendance is up and the child is eating at school.",
        "Steady progress: benefits sorted, debts in hand, and the parent attends the support group every week.",
        "The family manage well with less help; the school report a settled, happy child.",
    ];

    public static string Progress(int n, bool ends) => ends ? "Every goal of the plan is met and has been for three months." : ProgressText[n % ProgressText.Length];

    public const string PlanAchieved = "The plan's goals are met: the child is safe and well cared for, and the family no longer need the plan.";

    public const string ClosureSummary = "The child in need plan ended with its goals met; the family know how to ask for help again and the school will watch.";
}
