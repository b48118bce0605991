using Microsoft.Extensions.DependencyInjection;

namespace Safeguard.Core.Notifications;

public static class NotificationServices
{
    /// <summary>
    /// Registers the notifier chosen by <see cref="NotificationOptions.Provider"/>, which the feedback dispatcher, the
    /// overdue sweep and the managers' alerts use (registered with Core's services). A Notify provider without its key or
    /// template fails here, at start.
    /// </summary>
    public static IServiceCollection AddFeedbackDelivery(this IServiceCollection services, NotificationOptions options)
    {
        services.AddSingleton(options);
        switch (options.Provider)
        {
            case NotificationProvider.Notify:
                var notify = new GovUkNotifyNotifier(options.Notify);
                services.AddSingleton<INotifier>(notify);
                break;
            default:
                services.AddSingleton<INotifier>(new SmtpNotifier(options.Smtp));
                break;
        }
        return services;
    }
}
