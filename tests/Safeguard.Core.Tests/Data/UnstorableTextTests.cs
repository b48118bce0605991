using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Data;

/// <summary>
/// PostgreSQL cannot keep a NUL character in text; SQLite can. Both refuse a save holding one before anything is written,
/// naming the entity and property, so a page can say which field is wrong on either database.
/// </summary>
public sealed class UnstorableTextTests
{
    [Fact]
    public async Task ASaveWithNulInText_IsRefusedBeforeAnythingIsWritten_AndNamesTheProperty()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateContext())
        {
            db.People.Add(new Person("Ava", "Hill", new DateOnly(2019, 3, 4), Sex.Female));
            db.People.Add(new Person("Mi\0a", "Hill", new DateOnly(2020, 5, 6), Sex.Female));

            var refused = await Should.ThrowAsync<UnstorableTextException>(() => db.SaveChangesAsync());

            refused.Entity.ShouldBe(nameof(Person));
            refused.Property.ShouldBe(nameof(Person.GivenName));
        }
        await using var read = database.CreateContext();
        (await read.People.CountAsync(p => p.FamilyName == "Hill")).ShouldBe(0);
    }
}
