using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// Accounts, organisations and teams, people, contacts, referrals, assessments, plans, work items and events.
/// Hand-written and provider-neutral: column types come from each provider's mapping of the CLR type.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(maxLength: 400, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<long>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(maxLength: 80, nullable: false),
                    OccurredAt = table.Column<DateTime>(nullable: false),
                    ActorUserId = table.Column<Guid>(nullable: true),
                    ActorName = table.Column<string>(maxLength: 200, nullable: false),
                    ActorOrganisationId = table.Column<Guid>(nullable: true),
                    PersonId = table.Column<Guid>(nullable: true),
                    SubjectType = table.Column<string>(maxLength: 80, nullable: true),
                    SubjectId = table.Column<Guid>(nullable: true),
                    Summary = table.Column<string>(maxLength: 2000, nullable: false),
                    Reason = table.Column<string>(maxLength: 4000, nullable: true),
                    Data = table.Column<string>(maxLength: 100000, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    Kind = table.Column<string>(maxLength: 40, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    GivenName = table.Column<string>(maxLength: 100, nullable: false),
                    FamilyName = table.Column<string>(maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(nullable: true),
                    ExpectedDateOfBirth = table.Column<DateOnly>(nullable: true),
                    Sex = table.Column<string>(maxLength: 40, nullable: false),
                    NhsNumber = table.Column<string>(maxLength: 10, nullable: true),
                    Upn = table.Column<string>(maxLength: 13, nullable: true),
                    LocalChildId = table.Column<string>(maxLength: 40, nullable: true),
                    School = table.Column<string>(maxLength: 200, nullable: true),
                    IsRestricted = table.Column<bool>(nullable: false),
                    MergedIntoPersonId = table.Column<Guid>(nullable: true),
                    CreatedAt = table.Column<DateTime>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                    table.ForeignKey(
                        name: "FK_People_People_MergedIntoPersonId",
                        column: x => x.MergedIntoPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Name = table.Column<string>(maxLength: 200, nullable: false),
                    Kind = table.Column<string>(maxLength: 40, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<Guid>(nullable: false),
                    ClaimType = table.Column<string>(maxLength: 400, nullable: true),
                    ClaimValue = table.Column<string>(maxLength: 400, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Reference = table.Column<string>(maxLength: 20, nullable: false),
                    ReceivedAt = table.Column<DateTime>(nullable: false),
                    Channel = table.Column<string>(maxLength: 40, nullable: false),
                    ReferringOrganisationId = table.Column<Guid>(nullable: true),
                    ReferrerName = table.Column<string>(maxLength: 200, nullable: false),
                    ReferrerOrganisationName = table.Column<string>(maxLength: 200, nullable: true),
                    ReferrerRole = table.Column<string>(maxLength: 200, nullable: true),
                    ReferrerEmail = table.Column<string>(maxLength: 320, nullable: true),
                    ReferrerPhone = table.Column<string>(maxLength: 40, nullable: true),
                    Concern = table.Column<string>(maxLength: 20000, nullable: false),
                    Categories = table.Column<string>(maxLength: 400, nullable: false),
                    InjurySeen = table.Column<bool>(nullable: false),
                    ImmediateRisk = table.Column<bool>(nullable: false),
                    ParentsAware = table.Column<bool>(nullable: true),
                    Priority = table.Column<string>(maxLength: 40, nullable: false),
                    Status = table.Column<string>(maxLength: 40, nullable: false),
                    DecisionDueAt = table.Column<DateTime>(nullable: false),
                    FeedbackDueAt = table.Column<DateTime>(nullable: false),
                    Outcome = table.Column<string>(maxLength: 40, nullable: true),
                    DecisionReasons = table.Column<string>(maxLength: 8000, nullable: true),
                    DecidedAt = table.Column<DateTime>(nullable: true),
                    DecidedByUserId = table.Column<Guid>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Organisations_ReferringOrganisationId",
                        column: x => x.ReferringOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonAddresses",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    PersonId = table.Column<Guid>(nullable: false),
                    Line1 = table.Column<string>(maxLength: 200, nullable: false),
                    Town = table.Column<string>(maxLength: 100, nullable: false),
                    Postcode = table.Column<string>(maxLength: 10, nullable: false),
                    From = table.Column<DateOnly>(nullable: true),
                    To = table.Column<DateOnly>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonAddresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonAddresses_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                    JobTitle = table.Column<string>(maxLength: 200, nullable: true),
                    TeamId = table.Column<Guid>(nullable: true),
                    OrganisationId = table.Column<Guid>(nullable: true),
                    IsDisabled = table.Column<bool>(nullable: false),
                    SocialWorkEnglandNumber = table.Column<string>(maxLength: 20, nullable: true),
                    UserName = table.Column<string>(maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                    Email = table.Column<string>(maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(nullable: false),
                    PasswordHash = table.Column<string>(maxLength: 400, nullable: true),
                    SecurityStamp = table.Column<string>(maxLength: 400, nullable: true),
                    ConcurrencyStamp = table.Column<string>(maxLength: 400, nullable: true),
                    PhoneNumber = table.Column<string>(maxLength: 400, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                    TwoFactorEnabled = table.Column<bool>(nullable: false),
                    LockoutEnd = table.Column<DateTime>(nullable: true),
                    LockoutEnabled = table.Column<bool>(nullable: false),
                    AccessFailedCount = table.Column<int>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    Kind = table.Column<string>(maxLength: 40, nullable: false),
                    SubjectId = table.Column<Guid>(nullable: false),
                    PersonId = table.Column<Guid>(nullable: true),
                    Title = table.Column<string>(maxLength: 300, nullable: false),
                    OwnerTeamId = table.Column<Guid>(nullable: false),
                    OwnerUserId = table.Column<Guid>(nullable: true),
                    Priority = table.Column<string>(maxLength: 40, nullable: false),
                    OpenedAt = table.Column<DateTime>(nullable: false),
                    DueAt = table.Column<DateTime>(nullable: false),
                    ClosedAt = table.Column<DateTime>(nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkItems_Teams_OwnerTeamId",
                        column: x => x.OwnerTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactChildren",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ContactId = table.Column<Guid>(nullable: false),
                    PersonId = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactChildren_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactChildren_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    PersonId = table.Column<Guid>(nullable: false),
                    ContactId = table.Column<Guid>(nullable: true),
                    ReferralDate = table.Column<DateOnly>(nullable: false),
                    SourceCode = table.Column<string>(maxLength: 4, nullable: false),
                    TeamId = table.Column<Guid>(nullable: false),
                    AllocatedWorkerId = table.Column<Guid>(nullable: true),
                    Status = table.Column<string>(maxLength: 40, nullable: false),
                    ClosedOn = table.Column<DateOnly>(nullable: true),
                    ClosureReason = table.Column<string>(maxLength: 4, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Referrals_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(nullable: false)
                        .Annotation("Sqlite:Autoincrement", true)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<Guid>(nullable: false),
                    ClaimType = table.Column<string>(maxLength: 400, nullable: true),
                    ClaimValue = table.Column<string>(maxLength: 400, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(maxLength: 400, nullable: false),
                    ProviderKey = table.Column<string>(maxLength: 400, nullable: false),
                    ProviderDisplayName = table.Column<string>(maxLength: 400, nullable: true),
                    UserId = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(nullable: false),
                    RoleId = table.Column<Guid>(nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<Guid>(nullable: false),
                    LoginProvider = table.Column<string>(maxLength: 400, nullable: false),
                    Name = table.Column<string>(maxLength: 400, nullable: false),
                    Value = table.Column<string>(maxLength: 400, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ReferralId = table.Column<Guid>(nullable: false),
                    PersonId = table.Column<Guid>(nullable: false),
                    StartedOn = table.Column<DateOnly>(nullable: false),
                    DueOn = table.Column<DateOnly>(nullable: false),
                    CompletedOn = table.Column<DateOnly>(nullable: true),
                    AuthorisedOn = table.Column<DateOnly>(nullable: true),
                    Factors = table.Column<string>(maxLength: 200, nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(nullable: false),
                    ReferralId = table.Column<Guid>(nullable: false),
                    PersonId = table.Column<Guid>(nullable: false),
                    Kind = table.Column<string>(maxLength: 40, nullable: false),
                    StartedOn = table.Column<DateOnly>(nullable: false),
                    EndedOn = table.Column<DateOnly>(nullable: true),
                    Category = table.Column<string>(maxLength: 40, nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildPlans_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OrganisationId",
                table: "AspNetUsers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_TeamId",
                table: "AspNetUsers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_PersonId",
                table: "Assessments",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ReferralId",
                table: "Assessments",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildPlans_PersonId",
                table: "ChildPlans",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildPlans_ReferralId",
                table: "ChildPlans",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_ContactId",
                table: "ContactChildren",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_PersonId",
                table: "ContactChildren",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReceivedAt",
                table: "Contacts",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Reference",
                table: "Contacts",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReferringOrganisationId",
                table: "Contacts",
                column: "ReferringOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Status_DecisionDueAt",
                table: "Contacts",
                columns: new[] { "Status", "DecisionDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_ActorUserId_OccurredAt",
                table: "Events",
                columns: new[] { "ActorUserId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_OccurredAt",
                table: "Events",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_Events_PersonId_OccurredAt",
                table: "Events",
                columns: new[] { "PersonId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Events_SubjectId_OccurredAt",
                table: "Events",
                columns: new[] { "SubjectId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_DateOfBirth",
                table: "People",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_People_FamilyName_GivenName",
                table: "People",
                columns: new[] { "FamilyName", "GivenName" });

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoPersonId",
                table: "People",
                column: "MergedIntoPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_People_NhsNumber",
                table: "People",
                column: "NhsNumber");

            migrationBuilder.CreateIndex(
                name: "IX_PersonAddresses_PersonId",
                table: "PersonAddresses",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonAddresses_Postcode",
                table: "PersonAddresses",
                column: "Postcode");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ContactId",
                table: "Referrals",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_PersonId",
                table: "Referrals",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_ReferralDate",
                table: "Referrals",
                columns: new[] { "Status", "ReferralDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_TeamId",
                table: "Referrals",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_Name",
                table: "Teams",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Kind_ClosedAt_DueAt",
                table: "WorkItems",
                columns: new[] { "Kind", "ClosedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_OwnerTeamId_ClosedAt",
                table: "WorkItems",
                columns: new[] { "OwnerTeamId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_SubjectId",
                table: "WorkItems",
                column: "SubjectId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ChildPlans");
        migrationBuilder.DropTable(name: "Assessments");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "Referrals");
        migrationBuilder.DropTable(name: "ContactChildren");
        migrationBuilder.DropTable(name: "WorkItems");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "PersonAddresses");
        migrationBuilder.DropTable(name: "Contacts");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "Teams");
        migrationBuilder.DropTable(name: "People");
        migrationBuilder.DropTable(name: "Organisations");
        migrationBuilder.DropTable(name: "Events");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
