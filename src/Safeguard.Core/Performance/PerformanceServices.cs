using Microsoft.Extensions.DependencyInjection;
using Safeguard.Core.Performance.Measures;

namespace Safeguard.Core.Performance;

public static class PerformanceServices
{
    /// <summary>The dashboard's measures, their daily table and the lists behind their figures.</summary>
    public static IServiceCollection AddPerformance(this IServiceCollection services)
    {
        services.AddScoped<ContactsReceived>();
        services.AddScoped<ReferralsMade>();
        services.AddScoped<DecisionsWithinOneWorkingDay>();
        services.AddScoped<FeedbackWithin48Hours>();
        services.AddScoped<AssessmentsWithin45WorkingDays>();
        services.AddScoped<StrategyDiscussionsWithAllAgencies>();
        services.AddScoped<InitialConferencesWithin15WorkingDays>();
        services.AddScoped<ReReferrals>();
        services.AddScoped<ChildrenOnProtectionPlans>();
        services.AddScoped<VisitsInTime>();
        services.AddScoped<SupervisionInTime>();
        services.AddScoped<CaseloadsPerWorker>();
        services.AddScoped<AgencyShare>();
        services.AddScoped<PerformanceMeasures>();
        services.AddScoped<Daily.DailyFigures>();
        services.AddOptions<PerformanceSettings>();
        services.AddScoped<PerformanceLists>();
        return services;
    }
}
