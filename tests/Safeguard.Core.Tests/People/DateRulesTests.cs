using Safeguard.Core.People;

namespace Safeguard.Core.Tests.People;

public class DateRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData(1800, 1, 1, "Date of birth must be the same as or after 1 January 1900")]
    [InlineData(1899, 12, 31, "Date of birth must be the same as or after 1 January 1900")]
    [InlineData(2026, 12, 3, "Date of birth must be today or in the past")]
    [InlineData(2091, 1, 1, "Date of birth must be today or in the past")]
    public void DateOfBirthProblem_ImplausibleYear_IsRefusedInWords(int y, int m, int d, string message) =>
        DateRules.DateOfBirthProblem(new DateOnly(y, m, d), Today).ShouldBe(message);

    [Theory]
    [InlineData(1900, 1, 1)]
    [InlineData(1988, 2, 14)]
    [InlineData(2026, 12, 2)]
    public void DateOfBirthProblem_PlausibleDate_IsAccepted(int y, int m, int d) =>
        DateRules.DateOfBirthProblem(new DateOnly(y, m, d), Today).ShouldBeNull();
}
