using System.Globalization;
using System.Xml;

namespace Safeguard.Core.Returns;

/// <summary>
/// Writes the census XML with DfE's element names, nesting and order (CIN census 2025-26 business and technical
/// specification, section "XML structure"; DfE's own sample return lays the modules out the same way). Dates are
/// yyyy-MM-dd, booleans true/false.
/// </summary>
internal static class CinCensusXml
{
    public static void WriteHeader(XmlWriter xml, CensusYear year, CinCensusSettings settings, DateTimeOffset madeAt)
    {
        xml.WriteStartElement("Message");
        xml.WriteStartElement("Header");
        xml.WriteStartElement("CollectionDetails");
        xml.WriteElementString("Collection", "CIN");
        xml.WriteElementString("Year", year.EndingIn.ToString(CultureInfo.InvariantCulture));
        Date(xml, "ReferenceDate", year.ReferenceDate);
        xml.WriteEndElement();
        xml.WriteStartElement("Source");
        xml.WriteElementString("SourceLevel", "L");
        xml.WriteElementString("LEA", settings.LaCode);
        xml.WriteElementString("SoftwareCode", settings.SoftwareCode);
        xml.WriteElementString("Release", settings.Release);
        xml.WriteElementString("SerialNo", settings.SerialNo);
        xml.WriteElementString("DateTime", madeAt.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("Children");
    }

    /// <summary>Closes Children and Message.</summary>
    public static void WriteEnd(XmlWriter xml)
    {
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    public static void WriteChild(XmlWriter xml, CensusChild child)
    {
        xml.WriteStartElement("Child");

        xml.WriteStartElement("ChildIdentifiers");
        xml.WriteElementString("LAchildID", child.LaChildId);
        Optional(xml, "UPN", child.Upn);
        Optional(xml, "FormerUPN", child.FormerUpn);
        Optional(xml, "UPNunknown", child.UpnUnknown);
        Date(xml, "PersonBirthDate", child.BirthDate);
        Date(xml, "ExpectedPersonBirthDate", child.ExpectedBirthDate);
        xml.WriteElementString("Sex", child.Sex);
        Date(xml, "PersonDeathDate", child.DeathDate);
        xml.WriteEndElement();

        xml.WriteStartElement("ChildCharacteristics");
        Optional(xml, "Ethnicity", child.Ethnicity);
        if (child.Disabilities.Count > 0)
        {
            xml.WriteStartElement("Disabilities");
            foreach (var code in child.Disabilities) xml.WriteElementString("Disability", code);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        foreach (var episode in child.Episodes) WriteEpisode(xml, episode);

        xml.WriteEndElement();
    }

    private static void WriteEpisode(XmlWriter xml, CensusEpisode episode)
    {
        xml.WriteStartElement("CINdetails");
        Date(xml, "CINreferralDate", episode.ReferralDate);
        xml.WriteElementString("ReferralSource", episode.ReferralSource);
        Optional(xml, "PrimaryNeedCode", episode.PrimaryNeed);
        Date(xml, "CINclosureDate", episode.ClosureDate);
        Optional(xml, "ReasonForClosure", episode.ClosureReason);
        Date(xml, "DateOfInitialCPC", episode.InitialConference);

        foreach (var assessment in episode.Assessments)
        {
            xml.WriteStartElement("Assessments");
            Date(xml, "AssessmentActualStartDate", assessment.StartDate);
            Date(xml, "AssessmentAuthorisationDate", assessment.AuthorisationDate);
            if (assessment.AuthorisationDate is not null)
            {
                xml.WriteStartElement("FactorsIdentifiedAtAssessment");
                foreach (var factor in assessment.Factors) xml.WriteElementString("AssessmentFactors", factor);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        foreach (var plan in episode.ChildInNeedPlans)
        {
            xml.WriteStartElement("CINPlanDates");
            Date(xml, "CINPlanStartDate", plan.StartDate);
            Date(xml, "CINPlanEndDate", plan.EndDate);
            xml.WriteEndElement();
        }

        foreach (var enquiry in episode.Section47s)
        {
            xml.WriteStartElement("Section47");
            Date(xml, "S47ActualStartDate", enquiry.StartDate);
            Date(xml, "InitialCPCtarget", enquiry.InitialConferenceTarget);
            Date(xml, "DateOfInitialCPC", enquiry.InitialConference);
            xml.WriteElementString("ICPCnotRequired", Boolean(enquiry.ConferenceNotRequired));
            xml.WriteEndElement();
        }

        xml.WriteElementString("ReferralNFA", Boolean(episode.ReferralNfa));

        foreach (var plan in episode.ProtectionPlans)
        {
            xml.WriteStartElement("ChildProtectionPlans");
            Date(xml, "CPPstartDate", plan.StartDate);
            Date(xml, "CPPendDate", plan.EndDate);
            Optional(xml, "InitialCategoryOfAbuse", plan.InitialCategory);
            Optional(xml, "LatestCategoryOfAbuse", plan.LatestCategory);
            xml.WriteElementString("NumberOfPreviousCPP", plan.PreviousPlans.ToString(CultureInfo.InvariantCulture));
            if (plan.Reviews.Count > 0)
            {
                xml.WriteStartElement("Reviews");
                foreach (var review in plan.Reviews) Date(xml, "CPPreviewDate", review);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    public const string DateFormat = "yyyy-MM-dd";

    private static void Date(XmlWriter xml, string name, DateOnly? day)
    {
        if (day is { } d) xml.WriteElementString(name, d.ToString(DateFormat, CultureInfo.InvariantCulture));
    }

    private static void Optional(XmlWriter xml, string name, string? value)
    {
        if (value is not null) xml.WriteElementString(name, value);
    }

    private static string Boolean(bool value) => value ? "true" : "false";
}
