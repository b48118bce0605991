using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Safeguard.Core.Data.Migrations;

/// <summary>
/// Allocation, the competence gate and supervision: staff registration, qualification, employment, capacity and line
/// manager; their training records and absences; case allocations (each with its discussion); supervision records.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261204000001_Allocation")]
public sealed class Allocation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "RegistrationRenewsOn", table: "AspNetUsers", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "IsQualified", table: "AspNetUsers", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateOnly>(name: "PracticeStartedOn", table: "AspNetUsers", nullable: true);
        migrationBuilder.AddColumn<string>(name: "Employment", table: "AspNetUsers", maxLength: 40, nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "EmploymentStartsOn", table: "AspNetUsers", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "EmploymentEndsOn", table: "AspNetUsers", nullable: true);
        migrationBuilder.AddColumn<double>(name: "FullTimeEquivalent", table: "AspNetUsers", nullable: false, defaultValue: 1.0);
        migrationBuilder.AddColumn<Guid>(name: "ManagerId", table: "AspNetUsers", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_AspNetUsers_ManagerId", table: "AspNetUsers", column: "ManagerId");

        migrationBuilder.CreateTable(
            name: "TrainingRecords",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                CompletedOn = table.Column<DateOnly>(nullable: false),
                ExpiresOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TrainingRecords", x => x.Id);
                table.ForeignKey(name: "FK_TrainingRecords_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_TrainingRecords_UserId_Kind", table: "TrainingRecords", columns: ["UserId", "Kind"]);
        migrationBuilder.CreateIndex(name: "IX_TrainingRecords_ExpiresOn", table: "TrainingRecords", column: "ExpiresOn");

        migrationBuilder.CreateTable(
            name: "StaffAbsences",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StaffAbsences", x => x.Id);
                table.ForeignKey(name: "FK_StaffAbsences_AspNetUsers_UserId", column: x => x.UserId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex(name: "IX_StaffAbsences_UserId_To", table: "StaffAbsences", columns: ["UserId", "To"]);

        migrationBuilder.CreateTable(
            name: "CaseAllocations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                ReferralId = table.Column<Guid>(nullable: false),
                TeamId = table.Column<Guid>(nullable: false),
                CaseKind = table.Column<string>(maxLength: 40, nullable: false),
                WorkerId = table.Column<Guid>(nullable: false),
                ManagerId = table.Column<Guid>(nullable: false),
                DiscussedAt = table.Column<DateTime>(nullable: false),
                Risks = table.Column<string>(maxLength: 4000, nullable: false),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                AllocatedAt = table.Column<DateTime>(nullable: false),
                ReallocationReason = table.Column<string>(maxLength: 2000, nullable: true),
                PreviousAllocationId = table.Column<Guid>(nullable: true),
                CompetenceOverrideReason = table.Column<string>(maxLength: 2000, nullable: true),
                CompetenceOverriddenBy = table.Column<Guid>(nullable: true),
                CapacityReason = table.Column<string>(maxLength: 2000, nullable: true),
                AcceptedAt = table.Column<DateTime>(nullable: true),
                EndedAt = table.Column<DateTime>(nullable: true),
                EndReason = table.Column<string>(maxLength: 2000, nullable: true),
                Version = table.Column<int>(nullable: false, defaultValue: 1),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseAllocations", x => x.Id);
                table.ForeignKey(name: "FK_CaseAllocations_People_PersonId", column: x => x.PersonId, principalTable: "People",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_CaseAllocations_Referrals_ReferralId", column: x => x.ReferralId, principalTable: "Referrals",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_CaseAllocations_Teams_TeamId", column: x => x.TeamId, principalTable: "Teams",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_CaseAllocations_AspNetUsers_WorkerId", column: x => x.WorkerId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_CaseAllocations_AspNetUsers_ManagerId", column: x => x.ManagerId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_CaseAllocations_PersonId_AllocatedAt", table: "CaseAllocations", columns: ["PersonId", "AllocatedAt"]);
        migrationBuilder.CreateIndex(name: "IX_CaseAllocations_WorkerId_EndedAt", table: "CaseAllocations", columns: ["WorkerId", "EndedAt"]);
        migrationBuilder.CreateIndex(name: "IX_CaseAllocations_TeamId_EndedAt", table: "CaseAllocations", columns: ["TeamId", "EndedAt"]);
        migrationBuilder.CreateIndex(name: "IX_CaseAllocations_ReferralId", table: "CaseAllocations", column: "ReferralId");
        migrationBuilder.CreateIndex(name: "IX_CaseAllocations_ManagerId", table: "CaseAllocations", column: "ManagerId");

        migrationBuilder.CreateTable(
            name: "SupervisionRecords",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                WorkerId = table.Column<Guid>(nullable: false),
                SupervisorId = table.Column<Guid>(nullable: false),
                HeldAt = table.Column<DateTime>(nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                AllocationId = table.Column<Guid>(nullable: true),
                Reflection = table.Column<string>(maxLength: 8000, nullable: true),
                RiskAnalysis = table.Column<string>(maxLength: 8000, nullable: true),
                Decisions = table.Column<string>(maxLength: 8000, nullable: true),
                Wellbeing = table.Column<string>(maxLength: 8000, nullable: true),
                Caseload = table.Column<string>(maxLength: 8000, nullable: true),
                Training = table.Column<string>(maxLength: 8000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SupervisionRecords", x => x.Id);
                table.ForeignKey(name: "FK_SupervisionRecords_AspNetUsers_WorkerId", column: x => x.WorkerId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_SupervisionRecords_AspNetUsers_SupervisorId", column: x => x.SupervisorId, principalTable: "AspNetUsers",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_SupervisionRecords_People_PersonId", column: x => x.PersonId, principalTable: "People",
                    principalColumn: "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey(name: "FK_SupervisionRecords_CaseAllocations_AllocationId", column: x => x.AllocationId,
                    principalTable: "CaseAllocations", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_SupervisionRecords_WorkerId_HeldAt", table: "SupervisionRecords", columns: ["WorkerId", "HeldAt"]);
        migrationBuilder.CreateIndex(name: "IX_SupervisionRecords_PersonId_HeldAt", table: "SupervisionRecords", columns: ["PersonId", "HeldAt"]);
        migrationBuilder.CreateIndex(name: "IX_SupervisionRecords_AllocationId", table: "SupervisionRecords", column: "AllocationId");
        migrationBuilder.CreateIndex(name: "IX_SupervisionRecords_SupervisorId", table: "SupervisionRecords", column: "SupervisorId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SupervisionRecords");
        migrationBuilder.DropTable(name: "CaseAllocations");
        migrationBuilder.DropTable(name: "StaffAbsences");
        migrationBuilder.DropTable(name: "TrainingRecords");
        migrationBuilder.DropIndex(name: "IX_AspNetUsers_ManagerId", table: "AspNetUsers");
        foreach (var column in new[] { "RegistrationRenewsOn", "IsQualified", "PracticeStartedOn", "Employment", "EmploymentStartsOn",
                     "EmploymentEndsOn", "FullTimeEquivalent", "ManagerId" })
        {
            migrationBuilder.DropColumn(name: column, table: "AspNetUsers");
        }
    }
}
