using Safeguard.Core.People;

namespace Safeguard.Core.Tests.People;

public sealed class DecisiveMatchRuleTests
{
    private static readonly DateOnly Born = new(2018, 5, 14);
    private static readonly MatchParticulars Ruby = new("Ruby", "Taylor", Born, "9434765919", "1 High Street", "NB1 1AA");

    [Fact]
    public void SameNhsNumber_WithNoDateOfBirthToDisagree_IsDecisive() =>
        DecisiveMatchRule.IsDecisive(new("Rubie", "Tailor", null, "943 476 5919", null, null), Ruby).ShouldBeTrue();

    [Fact]
    public void SameNhsNumber_WithAnotherDateOfBirth_IsNotDecisive() =>
        DecisiveMatchRule.IsDecisive(Ruby with { DateOfBirth = Born.AddDays(1) }, Ruby).ShouldBeFalse();

    [Fact]
    public void AnInvalidNhsNumber_NeverAgrees() =>
        DecisiveMatchRule.IsDecisive(new("A", "B", null, "1234567890", null, null), new("C", "D", null, "1234567890", null, null)).ShouldBeFalse();

    [Fact]
    public void EveryParticularTheSame_WithoutAnNhsNumber_IsDecisive() =>
        DecisiveMatchRule.IsDecisive(Ruby with { NhsNumber = null, GivenName = "ruby ", AddressLine1 = "1, High Street" }, Ruby with { NhsNumber = null })
            .ShouldBeTrue();

    [Theory]
    [InlineData("Rubi", "Taylor", 14, "1 High Street", "NB1 1AA")]
    [InlineData("Ruby", "Taylor", 15, "1 High Street", "NB1 1AA")]
    [InlineData("Ruby", "Taylor", 14, "2 High Street", "NB1 1AA")]
    [InlineData("Ruby", "Taylor", 14, "1 High Street", "NB1 1AB")]
    [InlineData("Ruby", "Taylor", 14, null, "NB1 1AA")]
    public void AnyParticularDifferentOrMissing_WithoutAnNhsNumber_IsNotDecisive(string given, string family, int day, string? line1, string postcode) =>
        DecisiveMatchRule.IsDecisive(new(given, family, new DateOnly(2018, 5, day), null, line1, postcode), Ruby).ShouldBeFalse();

    [Fact]
    public void TwoDecisiveRecords_DecideNeither()
    {
        var a = Guid.NewGuid();
        DecisiveMatchRule.SingleDecisive(Ruby, [(a, Ruby), (Guid.NewGuid(), Ruby)]).ShouldBeNull();
        DecisiveMatchRule.SingleDecisive(Ruby, [(a, Ruby), (a, Ruby), (Guid.NewGuid(), Ruby with { NhsNumber = null, Postcode = "NB9 9ZZ" })]).ShouldBe(a);
    }
}
