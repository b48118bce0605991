using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.People.Matching;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Tests.Text;

/// <summary>Every value of every enum a page shows has words of its own, never its code name.</summary>
public class DisplayWordsTests
{
    [Theory]
    [InlineData("6", "Police")]
    [InlineData("1A", "Individual: family member, relative or carer")]
    [InlineData("2A", "Schools")]
    [InlineData("3A", "Health services: GP")]
    [InlineData("8", "Other")]
    [InlineData("9", "Anonymous")]
    [InlineData("10", "Unknown")]
    [InlineData("5d", "Early help")]
    public void ReferralSource_CinCensusCode_IsItsName(string code, string words) =>
        CaseWorkWords.ReferralSource(code).ShouldBe(words);

    [Fact]
    public void ReferralSource_EveryCodeTheDecisionRuleGives_HasWords()
    {
        foreach (var kind in Enum.GetValues<OrganisationKind>().Cast<OrganisationKind?>().Append(null))
        {
            var code = CinReferralSourceRule.For(kind);
            CaseWorkWords.ReferralSourceCodes.ShouldContain(code);
            CaseWorkWords.ReferralSource(code).ShouldNotContain("code");
        }
    }

    [Fact]
    public void ReferralSource_CodeNotInTheCensusList_SaysSoInsteadOfShowingItBare() =>
        CaseWorkWords.ReferralSource("Z9").ShouldBe("Not recorded (code Z9)");

    [Theory]
    [InlineData(ReferralStatus.AwaitingAllocation, "Awaiting allocation")]
    [InlineData(ReferralStatus.Allocated, "Allocated")]
    public void ReferralStatus_Words(ReferralStatus status, string words) => status.Words().ShouldBe(words);

    [Fact]
    public void Outcome_StrategyDiscussion_IsSentenceCase() =>
        ScreeningOutcome.StrategyDiscussion.Words().ShouldBe("Strategy discussion now");

    [Fact]
    public void Channel_FrontDoor_IsTwoWords() => ContactChannel.FrontDoor.Words().ShouldBe("Front door");

    [Fact]
    public void EveryValue_HasWordsThatAreNotItsCodeName()
    {
        void Check<T>(Func<T, string> words) where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                var text = words(value);
                text.ShouldNotBeNullOrWhiteSpace();
                if (value.ToString().Any(char.IsUpper) && value.ToString().Skip(1).Any(char.IsUpper))
                {
                    text.ShouldNotBe(value.ToString(), $"{typeof(T).Name}.{value} is shown as its code");
                }
                text.ShouldNotBe("Unknown", $"{typeof(T).Name}.{value} has no words");
            }
        }

        Check<ContactStatus>(ContactWords.Words);
        Check<ContactChannel>(ContactWords.Words);
        Check<ScreeningOutcome>(ContactWords.Words);
        Check<Priority>(WorkWords.Words);
        Check<WorkKind>(WorkWords.Words);
        Check<ReferralStatus>(CaseWorkWords.Words);
        Check<PlanKind>(CaseWorkWords.Words);
        Check<Sex>(PersonWords.Words);
        Check<PersonNameKind>(PersonWords.Words);
        Check<DuplicateStatus>(PersonWords.Words);
        Check<OrganisationKind>(WorkforceWords.Words);
        Check<TeamKind>(WorkforceWords.Words);
    }

    [Fact]
    public void MatchWords_HaveOneEntryForEveryAgreementLevel()
    {
        foreach (var field in Enum.GetValues<MatchField>())
        {
            MatchWords.LevelCount(field).ShouldBe(FieldLevels.LevelCount(field), field.ToString());
            for (var level = 0; level < FieldLevels.LevelCount(field); level++)
            {
                var words = MatchWords.Of(field, level, "UPN");
                words.ShouldNotContain("{");
                (FieldLevels.Info(field, level).Kind == AgreementKind.Disagreement).ShouldBe(words.StartsWith("different", StringComparison.Ordinal), words);
            }
        }
    }

    [Theory]
    [InlineData("Date of birth: agrees exactly (+11.0)", "Date of birth: agrees exactly")]
    [InlineData("Given name: sounds alike (partial agreement, +3.1)", "Given name: sounds alike")]
    [InlineData("Address: different address (may have moved) (disagreement, -2.4)", "Address: different address (may have moved)")]
    [InlineData("NHS number: missing on one or both records (0)", "NHS number: missing on one or both records")]
    [InlineData("same date of birth", "same date of birth")]
    public void MatchWords_StoredExplanationWithWeight_LosesTheWeight(string stored, string shown) =>
        MatchWords.WithoutWeight(stored).ShouldBe(shown);
}
