using Microsoft.AspNetCore.Mvc.ModelBinding;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;

namespace Safeguard.Web.Pages.FrontDoor.Shared;

/// <summary>
/// Reads the contact form on the server (its date boxes, radios and checkboxes, and a front-door worker's choice of
/// record), then checks what it says with <see cref="ContactContentRule"/>, the rule every door shares, and turns it into
/// a NewContact. Problems go beside their fields in GOV.UK wording.
/// </summary>
public static class ContactFormValidator
{
    public const int MaxChildren = ContactContentRule.MaxChildren;

    public const string ChooseARecord = "Select the existing record or 'None of these'";

    /// <summary>
    /// Checks the form and makes the contact. <paramref name="chosenRecords"/>: the records the worker chose, as they are now
    /// (<see cref="ChosenIds"/>), whose details then replace what was typed (kept as sent); null for a form whose choices are
    /// ignored (a partner's: a partner never links a child to a record). <paramref name="today"/>: see <see cref="ContactContentRule.Today"/>.
    /// </summary>
    public static NewContact? Validate(ContactForm form, ModelStateDictionary state, ContactChannel channel, Guid? organisationId, DateOnly today,
        IReadOnlyDictionary<Guid, LinkedRecord>? chosenRecords = null, DateTimeOffset? now = null)
    {
        const string p = "Form.";
        var children = new List<NewChild>();
        var records = new List<LinkedRecord?>();
        if (form.Children.Count == 0) form.Children.Add(new ChildForm());
        // Children past the most are not read: the rule refuses the contact for them.
        for (var i = 0; i < Math.Min(form.Children.Count, MaxChildren + 1); i++)
        {
            var c = form.Children[i];
            var key = $"{p}Children[{i}].";
            var link = chosenRecords is null ? LinkChoice.NotChosen : LinkChoice.Parse(c.PersonId);
            LinkedRecord? record = null;
            if (link is { Kind: LinkChoiceKind.Existing, PersonId: { } chosenId } && !chosenRecords!.TryGetValue(chosenId, out record))
            {
                state.AddModelError(key + "PersonId", "The chosen record was not found. " + ChooseARecord);
            }
            else if (chosenRecords is not null && link.Kind == LinkChoiceKind.NotChosen && !string.IsNullOrWhiteSpace(c.Offered))
            {
                state.AddModelError(key + "PersonId", ChooseARecord);
            }
            var dob = ReadDate(state, key + "DateOfBirth.Day", c.DateOfBirth, "Date of birth");
            var edd = ReadDate(state, key + "ExpectedDateOfBirth.Day", c.ExpectedDateOfBirth, "Expected date of birth");
            var sex = c.Sex switch { "Female" => Sex.Female, "Male" => Sex.Male, "Indeterminate" => Sex.Indeterminate, "Unknown" or null or "" => Sex.Unknown, _ => (Sex?)null };
            if (sex is null) state.AddModelError(key + "Sex", "Select the child's sex, or 'Not known'");
            // A chosen record that was not found is refused above; the typed details are then checked as for a new child.
            children.Add(new NewChild(record is null && link.Kind == LinkChoiceKind.Existing ? LinkChoice.NotChosen : link, c.GivenName?.Trim() ?? "",
                c.FamilyName?.Trim() ?? "", dob, edd, sex ?? Sex.Unknown, c.NhsNumber, c.AddressLine1, c.Town, c.Postcode, c.School));
            records.Add(record);
        }

        if (form.Categories.Count == 0) state.AddModelError(p + "Categories", "Select at least one concern category");
        else if (form.Categories.Any(c => !ConcernCategories.IsKnown(c))) state.AddModelError(p + "Categories", "Select concern categories from the list");
        var injury = YesNo(state, p + "InjurySeen", form.InjurySeen, "Select yes if an injury was seen");
        var risk = YesNo(state, p + "ImmediateRisk", form.ImmediateRisk, "Select yes if a child is at immediate risk");
        bool? parentsAware = form.ParentsAware switch { "yes" => true, "no" => false, "not-known" => null, _ => null };
        if (form.ParentsAware is not ("yes" or "no" or "not-known")) state.AddModelError(p + "ParentsAware", "Select whether the parents or carers know");

        // The front door says how and when the contact came in; the partner page is an online form received now.
        var (method, receivedAt) = channel == ContactChannel.FrontDoor && now is { } at ? ReceivedFields.Validate(form, state, at) : (null, null);

        var contact = new NewContact(children,
            new NewReferrer(form.ReferrerName?.Trim() ?? "", form.ReferrerOrganisation, form.ReferrerRole, form.ReferrerEmail?.Trim(), form.ReferrerPhone),
            form.Concern?.Trim() ?? "", form.Categories, injury ?? false, risk ?? false, parentsAware, channel, organisationId, method, receivedAt);
        foreach (var problem in ContactContentRule.Check(contact, today))
        {
            // One message a field: a date that is not a real date is not also "missing".
            var field = FieldName(problem);
            if (!state.ContainsKey(field)) state.AddModelError(field, problem.Message);
        }

        if (!state.IsValid) return null;
        return contact with
        {
            Children = children.Select((typed, i) => records[i] is { } record
                ? FromRecord(typed.Link, record, TypedBeforeFilling(form.Children[i].Typed, typed) ?? typed.AsSent)
                : typed).ToList(),
        };
    }

    /// <summary>The form field a problem of the shared rule belongs beside.</summary>
    public static string FieldName(ContactProblem problem)
    {
        var child = problem.Child is { } i ? $"Form.Children[{i}]." : "Form.";
        return problem.Field switch
        {
            ContactField.Children => "Form.Children",
            ContactField.DateOfBirth => child + "DateOfBirth.Day",
            ContactField.ExpectedDateOfBirth => child + "ExpectedDateOfBirth.Day",
            var field => child + field,
        };
    }

    /// <summary>A date typed into the day, month and year boxes: null when blank, or when not a real date (an error is added).</summary>
    private static DateOnly? ReadDate(ModelStateDictionary state, string key, Safeguard.Web.TagHelpers.GovUkDate typed, string label)
    {
        if (typed.IsEmpty) return null;
        if (typed.TryGetDate(out var date)) return date;
        state.AddModelError(key, $"{label} must be a real date");
        return null;
    }

    /// <summary>The ids of the existing records chosen on <paramref name="form"/>, to look up before <see cref="Validate"/>.</summary>
    public static IReadOnlyList<Guid> ChosenIds(ContactForm form) =>
        form.Children.Take(MaxChildren).Select(c => LinkChoice.Parse(c.PersonId).PersonId).OfType<Guid>().Distinct().ToList();

    /// <summary>A chosen child: the record's details, so nothing is typed twice; what was typed is kept as sent.</summary>
    private static NewChild FromRecord(LinkChoice link, LinkedRecord r, ChildAsSent sent) =>
        new(link, r.GivenName, r.FamilyName, r.DateOfBirth, r.ExpectedDateOfBirth, r.Sex, r.NhsNumber, r.AddressLine1, r.Town, r.Postcode, r.School)
        {
            Sent = sent,
        };

    /// <summary>What was typed before a chosen record filled the fields in (the form's Typed field), or null if nothing was filled in.</summary>
    private static ChildAsSent? TypedBeforeFilling(string? json, NewChild posted)
    {
        if (string.IsNullOrWhiteSpace(json) || json.Length > 4000) return null;
        try
        {
            var t = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?>>(json);
            if (t is null) return null;
            string? Get(string name) => t.TryGetValue(name, out var v) ? v : null;
            var dob = new Safeguard.Web.TagHelpers.GovUkDate { Day = Get("DateOfBirth.Day"), Month = Get("DateOfBirth.Month"), Year = Get("DateOfBirth.Year") };
            return ChildAsSent.From(posted with
            {
                GivenName = Get("GivenName") ?? "",
                FamilyName = Get("FamilyName") ?? "",
                DateOfBirth = dob.TryGetDate(out var d) ? d : null,
                NhsNumber = Get("NhsNumber"),
                AddressLine1 = Get("AddressLine1"),
                Town = Get("Town"),
                Postcode = Get("Postcode"),
            });
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static bool? YesNo(ModelStateDictionary state, string key, string? value, string message)
    {
        switch (value)
        {
            case "yes": return true;
            case "no": return false;
            default:
                state.AddModelError(key, message);
                return null;
        }
    }
}
