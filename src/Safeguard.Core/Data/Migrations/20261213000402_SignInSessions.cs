using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Signed-in sessions held on the server (Safeguard.Core.Sessions), so signing out ends every copy of a cookie.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261213000402_SignInSessions")]
public sealed class SignInSessions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SignInSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                LastSeenAt = table.Column<DateTime>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: true),
                EndedBecause = table.Column<string>(maxLength: 40, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_SignInSessions", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_SignInSessions_UserId", table: "SignInSessions", column: "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "SignInSessions");
}
