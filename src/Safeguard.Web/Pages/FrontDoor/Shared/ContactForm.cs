using System.ComponentModel.DataAnnotations;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.FrontDoor.Shared;

/// <summary>What the contact page posts. Strings throughout, so everything typed survives a failed check.</summary>
public sealed class ContactForm
{
    public List<ChildForm> Children { get; set; } = [new()];

    [Display(Name = "Referrer's name")]
    public string? ReferrerName { get; set; }

    [Display(Name = "Agency or organisation", Description = "For example, the school, GP surgery or police force. Leave blank for a member of the public.")]
    public string? ReferrerOrganisation { get; set; }

    [Display(Name = "Role")]
    public string? ReferrerRole { get; set; }

    [Display(Name = "Email address", Description = "We send the outcome and reasons here within 48 hours.")]
    public string? ReferrerEmail { get; set; }

    [Display(Name = "Phone number")]
    public string? ReferrerPhone { get; set; }

    [Display(Name = "What happened?", Description = "Describe the concern: what was seen or said, when, and by whom.")]
    public string? Concern { get; set; }

    [Display(Name = "Concern categories", Description = "Select all that apply.")]
    public List<string> Categories { get; set; } = [];

    [Display(Name = "Was an injury seen?")]
    public string? InjurySeen { get; set; }

    [Display(Name = "Is a child at immediate risk?")]
    public string? ImmediateRisk { get; set; }

    [Display(Name = "Do the parents or carers know about this contact?")]
    public string? ParentsAware { get; set; }

    // Front door only: a partner's referral is received when it is sent (see ReceivedFields).
    [Display(Name = "How did the contact come in?")]
    public string? Method { get; set; }

    [Display(Name = "Date received", Description = "The clock for the decision starts when the contact reached us. For example, 2 12 2026.")]
    public GovUkDate ReceivedOn { get; set; } = new();

    [Display(Name = "Time received", Description = "For example, 09:14 or 14:30.")]
    public string? ReceivedTime { get; set; }
}

public sealed class ChildForm
{
    /// <summary>
    /// The worker's choice among the records offered: an existing record's id (nothing about the child is typed twice),
    /// "new" for "None of these: create a new record", or blank for no choice (<see cref="Safeguard.Core.People.LinkChoice.Parse"/>).
    /// Posted as text, so a malformed value is never a server error. A partner's form ignores it.
    /// </summary>
    public string? PersonId { get; set; }

    /// <summary>The ids of the records offered for this child (space-separated): when any were, a choice is required.</summary>
    public string? Offered { get; set; }

    /// <summary>
    /// What the worker typed before choosing a record filled the fields in (JSON, written by contact-candidates.js): kept as
    /// what was sent. Blank when the fields are what was typed.
    /// </summary>
    public string? Typed { get; set; }

    [Display(Name = "First name")]
    public string? GivenName { get; set; }

    [Display(Name = "Last name")]
    public string? FamilyName { get; set; }

    [Display(Name = "Date of birth", Description = "For example, 27 3 2019. Leave blank for an unborn child.")]
    public GovUkDate DateOfBirth { get; set; } = new();

    [Display(Name = "Expected date of birth", Description = "Only for an unborn child.")]
    public GovUkDate ExpectedDateOfBirth { get; set; } = new();

    [Display(Name = "Sex")]
    public string? Sex { get; set; }

    [Display(Name = "NHS number (optional)", Description = "10 digits, for example 943 476 5919.")]
    public string? NhsNumber { get; set; }

    [Display(Name = "Address line 1")]
    public string? AddressLine1 { get; set; }

    [Display(Name = "Town")]
    public string? Town { get; set; }

    [Display(Name = "Postcode")]
    public string? Postcode { get; set; }

    [Display(Name = "School or nursery (optional)")]
    public string? School { get; set; }
}
