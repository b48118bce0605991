using Safeguard.Core.Passwords;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Tests.Securing;

public sealed class CommonPasswordValidatorTests
{
    private static readonly StaffUser Sam = new() { Email = "sam.okafor@northbridge.example", UserName = "sam.okafor@northbridge.example", DisplayName = "Sam Okafor" };

    private static async Task<string?> RefusalAsync(string password) =>
        (await new CommonPasswordValidator().ValidateAsync(null!, Sam, password)).Errors.SingleOrDefault()?.Description;

    [Fact]
    public void TheListInTheRepository_IsLoadedWhole()
    {
        CommonPasswords.Count.ShouldBeGreaterThan(45_000);
        CommonPasswords.Contains("123456").ShouldBeTrue();
        CommonPasswords.Contains("qwertyuiopasdfghjklzxcvbnm-not-a-list-entry").ShouldBeFalse();
    }

    [Theory]
    [InlineData("qazwsxedcrfv")]
    [InlineData("QAZWSXEDCRFV")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("Liverpool2026!")]
    [InlineData("sunshine12345")]
    public async Task ACommonOrBreachedPassword_WhateverItsCase_OrWithDigitsAdded_IsRefused(string password) =>
        (await RefusalAsync(password)).ShouldBe(CommonPasswordValidator.CommonMessage);

    [Theory]
    [InlineData("okafor-rules-the-world")]
    [InlineData("my-sam.okafor-password")]
    [InlineData("OKAFORstreet99")]
    public async Task APasswordContainingTheirNameOrEmail_IsRefused(string password) =>
        (await RefusalAsync(password)).ShouldBe(CommonPasswordValidator.PersonalMessage);

    [Theory]
    [InlineData("kettle-orchard-lantern-9")]
    [InlineData("northbridge-demo-2026")]
    [InlineData("sunshine over the harbour")]
    public async Task AnUncommonPassword_WithoutTheirName_IsAccepted(string password) =>
        (await RefusalAsync(password)).ShouldBeNull();

    [Fact]
    public void ShortPartsOfAName_AreNotPersonalWords()
    {
        var jo = new StaffUser { Email = "jo.li@northbridge.example", DisplayName = "Jo Li" };

        CommonPasswordValidator.PersonalWords(jo).ShouldBe(["jo.li"]);
    }
}
