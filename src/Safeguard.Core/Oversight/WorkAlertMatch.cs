using System.Linq.Expressions;
using Safeguard.Core.Work;

namespace Safeguard.Core.Oversight;

/// <summary>
/// Which alert is about which work item, for queries: an alert matches an item when it is about the item's subject and
/// is the late-work alert the catalogue gives the item's kind (<see cref="WorkCatalogue.Alerting"/>).
/// </summary>
internal static class WorkAlertMatch
{
    /// <summary><c>(w, a) =&gt; a.SubjectId == w.SubjectId &amp;&amp; (w.Kind == K1 &amp;&amp; a.Kind == A1 || ...)</c></summary>
    public static readonly Expression<Func<WorkItem, Alert, bool>> Pair = Build();

    /// <summary>Items that <paramref name="alerts"/> already hold a matching alert for.</summary>
    public static Expression<Func<WorkItem, bool>> Alerted(IQueryable<Alert> alerts)
    {
        var w = Pair.Parameters[0];
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(Alert)], alerts.Expression,
            Expression.Quote(Expression.Lambda<Func<Alert, bool>>(Pair.Body, Pair.Parameters[1])));
        return Expression.Lambda<Func<WorkItem, bool>>(any, w);
    }

    /// <summary>Alerts about an item of <paramref name="items"/> (e.g. the open ones).</summary>
    public static Expression<Func<Alert, bool>> AboutAnyOf(IQueryable<WorkItem> items)
    {
        var a = Pair.Parameters[1];
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(WorkItem)], items.Expression,
            Expression.Quote(Expression.Lambda<Func<WorkItem, bool>>(Pair.Body, Pair.Parameters[0])));
        return Expression.Lambda<Func<Alert, bool>>(any, a);
    }

    private static Expression<Func<WorkItem, Alert, bool>> Build()
    {
        var w = Expression.Parameter(typeof(WorkItem), "w");
        var a = Expression.Parameter(typeof(Alert), "a");
        Expression? kinds = null;
        foreach (var (kind, alert) in WorkCatalogue.Alerting)
        {
            var pair = Expression.AndAlso(
                Expression.Equal(Expression.Property(w, nameof(WorkItem.Kind)), Expression.Constant(kind)),
                Expression.Equal(Expression.Property(a, nameof(Alert.Kind)), Expression.Constant(alert.Kind)));
            kinds = kinds is null ? pair : Expression.OrElse(kinds, pair);
        }
        var subject = Expression.Equal(Expression.Property(a, nameof(Alert.SubjectId)), Expression.Property(w, nameof(WorkItem.SubjectId)));
        return Expression.Lambda<Func<WorkItem, Alert, bool>>(Expression.AndAlso(subject, kinds ?? Expression.Constant(false)), w, a);
    }
}
