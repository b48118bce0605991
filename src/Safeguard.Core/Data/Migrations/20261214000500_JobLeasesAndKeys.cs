using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// For several instances on one database: the leases that let one instance run each background job
/// (Safeguard.Core.Jobs), and the data-protection key ring that signs cookies, so every instance accepts them.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261214000500_JobLeasesAndKeys")]
public sealed class JobLeasesAndKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "JobLeases",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 80, nullable: false),
                Holder = table.Column<string>(maxLength: 200, nullable: false),
                ExpiresAt = table.Column<DateTime>(nullable: false),
                Runs = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_JobLeases", x => x.Name));

        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FriendlyName = table.Column<string>(maxLength: 200, nullable: true),
                Xml = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "DataProtectionKeys");
        migrationBuilder.DropTable(name: "JobLeases");
    }
}
