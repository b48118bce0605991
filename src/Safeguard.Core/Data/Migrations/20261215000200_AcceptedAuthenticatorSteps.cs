using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>Each account's last accepted authenticator time step, so an authenticator code signs in only once.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261215000200_AcceptedAuthenticatorSteps")]
public sealed class AcceptedAuthenticatorSteps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AcceptedAuthenticatorSteps",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                Step = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AcceptedAuthenticatorSteps", x => x.UserId));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "AcceptedAuthenticatorSteps");
}
