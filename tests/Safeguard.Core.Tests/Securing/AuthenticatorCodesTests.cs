using Safeguard.Core.Security.Authenticator;

namespace Safeguard.Core.Tests.Securing;

/// <summary>RFC 6238's own test values (SHA-1, its Appendix B, the last 6 of the 8 digits), the window, and the key as Identity stores it.</summary>
public sealed class AuthenticatorCodesTests
{
    // "12345678901234567890" in ASCII, the RFC's SHA-1 key, in Base32.
    private const string RfcKey = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1111111111L, "050471")]
    [InlineData(1234567890L, "005924")]
    [InlineData(2000000000L, "279037")]
    [InlineData(20000000000L, "353130")]
    public void TheCodeForATime_IsTheRfcsTestValue(long unixSeconds, string code)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

        AuthenticatorCodes.CodeFor(AuthenticatorKeys.FromBase32(RfcKey)!, AuthenticatorCodes.StepAt(at)).ShouldBe(code);
    }

    [Fact]
    public void ACode_IsAcceptedInItsStepAndOneEitherSide_AndNotTwoAway()
    {
        var key = AuthenticatorKeys.FromBase32(RfcKey)!;
        var now = DateTimeOffset.FromUnixTimeSeconds(1_234_567_890);
        var step = AuthenticatorCodes.StepAt(now);

        foreach (var offset in new[] { -1, 0, 1 })
        {
            AuthenticatorCodes.MatchingStep(key, AuthenticatorCodes.CodeFor(key, step + offset), now).ShouldBe(step + offset);
        }
        AuthenticatorCodes.MatchingStep(key, AuthenticatorCodes.CodeFor(key, step - 2), now).ShouldBeNull();
        AuthenticatorCodes.MatchingStep(key, AuthenticatorCodes.CodeFor(key, step + 2), now).ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    public void WhatIsNotSixAsciiDigits_MatchesNoStep(string typed) =>
        AuthenticatorCodes.MatchingStep(AuthenticatorKeys.FromBase32(RfcKey)!, typed, DateTimeOffset.UnixEpoch.AddYears(56)).ShouldBeNull();

    [Fact]
    public void AKeyAsIdentityMakesIt_ReadsTheSameInAnyCaseOrGrouping_AndAnythingElseIsNoKey()
    {
        var key = Convert.FromHexString("3132333435363738393031323334353637383930");

        AuthenticatorKeys.FromBase32(RfcKey).ShouldBe(key);
        AuthenticatorKeys.FromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").ShouldBe(key);
        AuthenticatorKeys.FromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ====").ShouldBe(key);
        AuthenticatorKeys.FromBase32("GEZDGNBVGY3TQOJ1").ShouldBeNull();
        AuthenticatorKeys.FromBase32("").ShouldBeNull();
    }
}
