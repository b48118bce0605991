namespace Safeguard.Core.People.Matching;

/// <summary>
/// Reads FEBRL synthetic person files (header <c>rec_id, given_name, surname, street_number, address_1,
/// address_2, suburb, postcode, state, date_of_birth, soc_sec_id</c>; comma + space separated; empty fields
/// allowed; some dates invalid). soc_sec_id becomes an <see cref="ExtraIdentifier"/> with scheme "soc_sec_id".
/// </summary>
public static class FebrlReader
{
    public const string SocialSecurityScheme = "soc_sec_id";

    private static readonly string[] Header =
        ["rec_id", "given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"];

    public static IReadOnlyList<PersonRecord> Read(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    /// <exception cref="FormatException">The header or a row does not have the FEBRL shape.</exception>
    public static IReadOnlyList<PersonRecord> Read(TextReader reader)
    {
        var header = reader.ReadLine() ?? throw new FormatException("The file is empty; a FEBRL header line was expected.");
        var columns = header.Split(',').Select(c => c.Trim()).ToArray();
        if (!columns.SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
        {
            throw new FormatException($"The first line is not a FEBRL header. Expected: {string.Join(", ", Header)}");
        }

        var records = new List<PersonRecord>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var f = line.Split(',');
            if (f.Length != Header.Length)
            {
                throw new FormatException($"Line {lineNumber} has {f.Length} fields; {Header.Length} were expected.");
            }

            for (var i = 0; i < f.Length; i++)
            {
                f[i] = f[i].Trim();
            }

            if (f[0].Length == 0)
            {
                throw new FormatException($"Line {lineNumber} has no rec_id.");
            }

            var street = string.Join(' ', new[] { f[3], f[4] }.Where(s => s.Length > 0));
            records.Add(new PersonRecord
            {
                Id = f[0],
                GivenName = Empty(f[1]),
                FamilyName = Empty(f[2]),
                AddressLines = new[] { street, f[5] }.Where(s => s.Length > 0).ToArray(),
                Town = Empty(f[6]),
                Postcode = Empty(f[7]),
                DateOfBirth = PartialDate.Parse(f[9]),
                Identifiers = f[10].Length > 0 ? [new ExtraIdentifier(SocialSecurityScheme, f[10])] : [],
            });
        }

        return records;
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
