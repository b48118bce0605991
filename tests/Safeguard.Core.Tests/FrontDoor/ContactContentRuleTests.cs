using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>What a contact must contain, each limit at its edge (<see cref="ContactContentRule"/>).</summary>
public sealed class ContactContentRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static NewChild Child(string given = "Mia", string family = "Hart", DateOnly? dob = null, DateOnly? expected = null,
        LinkChoice link = default) =>
        new(link, given, family, dob ?? (expected is null ? new DateOnly(2019, 4, 23) : null), expected, Sex.Female, null, "4 Mill Lane",
            "Northbridge", "NB2 4QT", null);

    private static NewContact Contact(IReadOnlyList<NewChild>? children = null, string referrer = "Sue Black", string concern = "Mia was hungry.",
        string? email = "sue@hillside.example", string? phone = "01234 567890", string? organisation = "Hillside Nursery", string? role = "Manager") =>
        new(children ?? [Child()], new NewReferrer(referrer, organisation, role, email, phone), concern, ["neglect"], false, false, true,
            ContactChannel.PartnerApi, null);

    private static IReadOnlyList<ContactProblem> Check(NewContact contact) => ContactContentRule.Check(contact, Today);

    private static ContactProblem Single(NewContact contact) => Check(contact).ShouldHaveSingleItem();

    [Fact]
    public void AWholeContact_HasNoProblems() => Check(Contact()).ShouldBeEmpty();

    [Fact]
    public void NoChildren_IsRefused()
    {
        var problem = Single(Contact(children: []));
        problem.Field.ShouldBe(ContactField.Children);
        problem.Key.ShouldBe("children");
        problem.Message.ShouldBe("Enter at least one child");
    }

    [Fact]
    public void TheMostChildren_IsAccepted_AndOneMoreIsRefused()
    {
        var most = Enumerable.Range(0, ContactContentRule.MaxChildren).Select(i => Child($"Child{i}")).ToList();

        Check(Contact(children: most)).ShouldBeEmpty();
        var problem = Single(Contact(children: [.. most, Child("OneTooMany")]));
        ContactContentRule.MaxChildren.ShouldBe(20);
        problem.Key.ShouldBe("children");
        problem.Message.ShouldStartWith("Enter at most 20 children on one contact");
    }

    [Fact]
    public void AChildOf17Years364Days_IsAccepted_ButOnTheir18thBirthdayIsRefused()
    {
        var eighteenToday = Today.AddYears(-18);

        Check(Contact(children: [Child(dob: eighteenToday.AddDays(1))])).ShouldBeEmpty();
        var problem = Single(Contact(children: [Child(dob: eighteenToday)]));
        problem.Key.ShouldBe("children[0].dateOfBirth");
        problem.Message.ShouldBe("Date of birth must be after 2 December 2008: a contact is about a child under 18");
    }

    [Fact]
    public void ACareLeaverOf20_IsNotAContactAboutAChild() =>
        Single(Contact(children: [Child(dob: Today.AddYears(-20))])).Field.ShouldBe(ContactField.DateOfBirth);

    [Fact]
    public void BornToday_IsAccepted_ButBornTomorrowIsRefused()
    {
        Check(Contact(children: [Child(dob: Today)])).ShouldBeEmpty();
        Single(Contact(children: [Child(dob: Today.AddDays(1))])).Message.ShouldBe("Date of birth must be today or in the past");
    }

    [Fact]
    public void AnExpectedDateOfBirth_FromAMonthAgoToTenMonthsAhead_IsAccepted_AndADayOutsideIsRefused()
    {
        Check(Contact(children: [Child(expected: Today.AddMonths(-1))])).ShouldBeEmpty();
        Check(Contact(children: [Child(expected: Today.AddMonths(10))])).ShouldBeEmpty();

        var tooLate = Single(Contact(children: [Child(expected: Today.AddMonths(10).AddDays(1))]));
        var tooEarly = Single(Contact(children: [Child(expected: Today.AddMonths(-1).AddDays(-1))]));

        tooLate.Key.ShouldBe("children[0].expectedDateOfBirth");
        tooLate.Message.ShouldBe("Expected date of birth must be between 2 November 2026 and 2 October 2027");
        tooEarly.Message.ShouldBe(tooLate.Message);
    }

    [Fact]
    public void BothDates_AreRefused_OnTheExpectedDate()
    {
        var problem = Single(Contact(children: [Child(dob: new DateOnly(2020, 1, 1), expected: Today.AddMonths(2))]));

        problem.Key.ShouldBe("children[0].expectedDateOfBirth");
        problem.Message.ShouldStartWith("Enter a date of birth or an expected date of birth, not both");
    }

    [Fact]
    public void NeitherDate_IsRefused_UnlessTheChildIsLinkedToARecordThatHasOne()
    {
        var undated = Child() with { DateOfBirth = null };

        Single(Contact(children: [undated])).Message.ShouldBe("Enter the date of birth, or the expected date of birth for an unborn child");
        Check(Contact(children: [undated with { Link = LinkChoice.Existing(Guid.NewGuid()), GivenName = "", FamilyName = "" }])).ShouldBeEmpty();
    }

    [Fact]
    public void MissingNames_SayWhichChild_WhenThereAreSeveral()
    {
        var problems = Check(Contact(children: [Child(), Child(given: " ", family: "")]));

        problems.Select(p => (p.Key, p.Message)).ShouldBe([
            ("children[1].givenName", "Enter child 2's first name"),
            ("children[1].familyName", "Enter child 2's last name"),
        ]);
        Single(Contact(children: [Child(given: "")])).Message.ShouldBe("Enter the child's first name");
    }

    [Theory]
    [InlineData(nameof(ContactField.GivenName), ContactContentRule.MaxNameLength, "children[0].givenName", "First name must be 100 characters or fewer")]
    [InlineData(nameof(ContactField.FamilyName), ContactContentRule.MaxNameLength, "children[0].familyName", "Last name must be 100 characters or fewer")]
    [InlineData(nameof(ContactField.AddressLine1), ContactContentRule.MaxAddressLine1Length, "children[0].address.line1", "Address line 1 must be 200 characters or fewer")]
    [InlineData(nameof(ContactField.Town), ContactContentRule.MaxTownLength, "children[0].address.town", "Town must be 100 characters or fewer")]
    [InlineData(nameof(ContactField.School), ContactContentRule.MaxSchoolLength, "children[0].school", "School or nursery must be 200 characters or fewer")]
    [InlineData(nameof(ContactField.ReferrerName), ContactContentRule.MaxReferrerLength, "referrer.name", "Referrer's name must be 200 characters or fewer")]
    [InlineData(nameof(ContactField.ReferrerOrganisation), ContactContentRule.MaxReferrerLength, "referrer.organisation", "Agency or organisation must be 200 characters or fewer")]
    [InlineData(nameof(ContactField.ReferrerRole), ContactContentRule.MaxReferrerLength, "referrer.role", "Role must be 200 characters or fewer")]
    [InlineData(nameof(ContactField.ReferrerPhone), ContactContentRule.MaxPhoneLength, "referrer.phone", "Phone number must be 40 characters or fewer")]
    [InlineData(nameof(ContactField.Concern), ContactContentRule.MaxConcernLength, "concern", "What happened must be 20,000 characters or fewer")]
    public void ALength_AtTheMostIsAccepted_AndOneMoreIsRefused(string field, int max, string key, string message)
    {
        Check(WithText(field, new string('a', max))).ShouldBeEmpty();
        var problem = Single(WithText(field, new string('a', max + 1)));

        problem.Key.ShouldBe(key);
        problem.Message.ShouldBe(message);
    }

    [Fact]
    public void AnEmailOfTheMostLength_IsAccepted_AndOneMoreIsRefused()
    {
        // 64 + "@" + 255: the longest an address can be.
        var most = new string('a', 64) + "@" + string.Concat(Enumerable.Repeat(new string('b', 60) + ".", 4)) + "bbbbbbbb.uk";

        most.Length.ShouldBe(ContactContentRule.MaxEmailLength);
        Check(Contact(email: most)).ShouldBeEmpty();
        Single(Contact(email: "a" + most)).Message.ShouldBe("Email address must be 320 characters or fewer");
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("Sue <sue@hillside.example>")]
    [InlineData("sue@hillside")]
    public void AnEmailThatIsNotAnAddress_IsRefused(string email) =>
        Single(Contact(email: email)).Message.ShouldBe("Enter an email address in the correct format, like name@example.com");

    [Fact]
    public void RequiredReferrerAndConcern_AreRefusedWhenBlank()
    {
        var problems = Check(Contact(referrer: "  ", concern: ""));

        problems.Select(p => (p.Key, p.Message)).ShouldBe([
            ("referrer.name", "Enter the referrer's name"),
            ("concern", "Describe what happened"),
        ]);
    }

    [Fact]
    public void AnInvalidNhsNumberOrPostcode_IsRefused()
    {
        var child = Child() with { NhsNumber = "943 476 5918", Postcode = "NOT A POSTCODE" };

        var problems = Check(Contact(children: [child]));

        problems.Select(p => p.Key).ShouldBe(["children[0].nhsNumber", "children[0].address.postcode"]);
        problems[0].Message.ShouldContain("check digit");
        Check(Contact(children: [child with { NhsNumber = "943 476 5919", Postcode = "nb2 4qt" }])).ShouldBeEmpty();
    }

    [Fact]
    public void Today_IsTheDateInTheUk()
    {
        // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST): a baby born on 2 July is born "today".
        ContactContentRule.Today(new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 7, 2));
        ContactContentRule.Today(new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 12, 1));
    }

    [Fact]
    public async Task TheLengths_AreTheDatabaseColumnSizes()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        await using var db = database.CreateContext();
        int? Max<T>(string property) => db.Model.FindEntityType(typeof(T))!.FindProperty(property)!.GetMaxLength();

        Max<ContactChild>(nameof(ContactChild.SentGivenName)).ShouldBe(ContactContentRule.MaxNameLength);
        Max<ContactChild>(nameof(ContactChild.SentFamilyName)).ShouldBe(ContactContentRule.MaxNameLength);
        Max<ContactChild>(nameof(ContactChild.SentAddressLine1)).ShouldBe(ContactContentRule.MaxAddressLine1Length);
        Max<ContactChild>(nameof(ContactChild.SentTown)).ShouldBe(ContactContentRule.MaxTownLength);
        Max<ContactChild>(nameof(ContactChild.SentSchool)).ShouldBe(ContactContentRule.MaxSchoolLength);
        Max<Contact>(nameof(Core.FrontDoor.Contact.ReferrerName)).ShouldBe(ContactContentRule.MaxReferrerLength);
        Max<Contact>(nameof(Core.FrontDoor.Contact.ReferrerOrganisationName)).ShouldBe(ContactContentRule.MaxReferrerLength);
        Max<Contact>(nameof(Core.FrontDoor.Contact.ReferrerRole)).ShouldBe(ContactContentRule.MaxReferrerLength);
        Max<Contact>(nameof(Core.FrontDoor.Contact.ReferrerEmail)).ShouldBe(ContactContentRule.MaxEmailLength);
        Max<Contact>(nameof(Core.FrontDoor.Contact.ReferrerPhone)).ShouldBe(ContactContentRule.MaxPhoneLength);
        Max<Contact>(nameof(Core.FrontDoor.Contact.Concern)).ShouldBe(ContactContentRule.MaxConcernLength);
    }

    private static NewContact WithText(string field, string text)
    {
        var contact = Contact();
        var child = contact.Children[0];
        return field switch
        {
            nameof(ContactField.GivenName) => contact with { Children = [child with { GivenName = text }] },
            nameof(ContactField.FamilyName) => contact with { Children = [child with { FamilyName = text }] },
            nameof(ContactField.AddressLine1) => contact with { Children = [child with { AddressLine1 = text }] },
            nameof(ContactField.Town) => contact with { Children = [child with { Town = text }] },
            nameof(ContactField.School) => contact with { Children = [child with { School = text }] },
            nameof(ContactField.ReferrerName) => contact with { Referrer = contact.Referrer with { Name = text } },
            nameof(ContactField.ReferrerOrganisation) => contact with { Referrer = contact.Referrer with { Organisation = text } },
            nameof(ContactField.ReferrerRole) => contact with { Referrer = contact.Referrer with { Role = text } },
            nameof(ContactField.ReferrerPhone) => contact with { Referrer = contact.Referrer with { Phone = text } },
            nameof(ContactField.Concern) => contact with { Concern = text },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }
}
