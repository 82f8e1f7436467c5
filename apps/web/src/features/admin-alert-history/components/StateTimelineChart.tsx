import { useId } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps, YAxisTickContentProps } from 'recharts';
import { formatLocalTime, LocalTime } from '../../../ui';
import { StateBadge } from '../../admin-alerts';
import { formatPointTime, tickFormatterFor, useWidth } from '../../admin-performance';
import { ALERT_STATES, STATE_STYLES, stateLabel } from '../alert-states';
import {
  durationText,
  rowLabel,
  type TimelineBars,
  timelineBars,
  type TimelineRow,
  timelineSummary,
  type TimeWindow,
} from '../timeline';

const ROW_HEIGHT = 34;
/** On a phone each name goes above its bar, so the bars keep the whole width. */
const NARROW_ROW_HEIGHT = 46;
const NARROW_BAR = 16;
const AXIS_HEIGHT = 56;
const NARROW = 560;

const shorten = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** A row's name above its bar (phones), left-aligned with the plot. */
function NameAboveBar({ x, y, payload }: Pick<YAxisTickContentProps, 'x' | 'y' | 'payload'>) {
  return (
    <text x={Number(x) + 2} y={Number(y) - NARROW_BAR / 2 - 4} fontSize={12} fill="#334155">
      {shorten(String(payload?.value ?? ''), 44)}
    </text>
  );
}

/** The hovered stretch: which alert, which state, from when to when and for how long. */
function SegmentTooltip({ active, payload }: Pick<TooltipContentProps, 'active' | 'payload'>) {
  const item = payload?.[0];
  if (!active || !item) return null;
  const bars = item.payload as TimelineBars;
  const segment = bars.row.segments[Number(item.name)];
  if (!segment) return null;
  return (
    <div className="alert-timeline__tooltip">
      <p className="alert-timeline__tooltip-title">{bars.label}</p>
      <p>
        <StateBadge state={segment.state} /> {durationText(segment.end - segment.start)}
      </p>
      <p className="text-muted">
        {formatPointTime(segment.start)} – {formatPointTime(segment.end)}
      </p>
    </div>
  );
}

/** The same stretches as the chart, in a table, for screen readers and for exact times. */
function TimelineTable({ rows }: { rows: TimelineRow[] }) {
  return (
    <details className="alert-timeline__text">
      <summary>The timeline as a table</summary>
      {/* Focusable, so a keyboard can scroll it sideways on a phone. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="The timeline as a table">
        <table className="table">
          <caption className="visually-hidden">States of each alert over time</caption>
          <thead>
            <tr>
              <th scope="col">Alert</th>
              <th scope="col">State</th>
              <th scope="col">From</th>
              <th scope="col">Until</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((row) =>
              row.segments.map((segment) => (
                <tr key={`${row.key}-${segment.start}`}>
                  <td>{rowLabel(row)}</td>
                  <td>{stateLabel(segment.state)}</td>
                  <td>
                    <LocalTime iso={new Date(segment.start).toISOString()} />
                  </td>
                  <td>
                    <LocalTime iso={new Date(segment.end).toISOString()} />
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/**
 * One bar per alert instance across the window, coloured by state: the stretches stack from the
 * window's start, so the time axis counts milliseconds from it and labels them as clock times.
 */
export function StateTimelineChart({
  rows,
  window,
  title,
}: {
  rows: TimelineRow[];
  window: TimeWindow;
  title: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>(720);
  const titleId = useId();
  const narrow = width < NARROW;
  const data = timelineBars(rows);
  const span = window.to - window.from;
  const tick = tickFormatterFor(span);
  const segmentSlots = Math.max(...data.map((bars) => bars.durations.length));
  const shownStates = ALERT_STATES.filter((state) =>
    rows.some((row) => row.segments.some((segment) => segment.state === state)),
  );
  return (
    <figure className="alert-timeline" aria-labelledby={titleId}>
      <figcaption id={titleId}>
        <span className="alert-timeline__title">{title}</span>{' '}
        <span className="text-muted">
          {timelineSummary(rows)} Times are in your time zone, from{' '}
          {formatLocalTime(new Date(window.from).toISOString())}.
        </span>
      </figcaption>
      <div ref={ref} className="alert-timeline__canvas">
        <BarChart
          layout="vertical"
          width={width}
          height={rows.length * (narrow ? NARROW_ROW_HEIGHT : ROW_HEIGHT) + AXIS_HEIGHT}
          data={data}
          barCategoryGap={6}
          barSize={narrow ? NARROW_BAR : undefined}
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <CartesianGrid horizontal={false} stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis
            type="number"
            domain={[0, span]}
            allowDataOverflow
            tickFormatter={(offset: number) => tick(window.from + offset)}
            minTickGap={24}
            fontSize={12}
            label={{
              value: 'Time (your time zone)',
              position: 'insideBottom',
              offset: -2,
              fontSize: 12,
            }}
            height={40}
          />
          {narrow ? (
            <YAxis
              type="category"
              dataKey="label"
              width={1}
              tickLine={false}
              tick={NameAboveBar}
              interval={0}
            />
          ) : (
            <YAxis
              type="category"
              dataKey="label"
              width={220}
              tickFormatter={(label: string) => shorten(label, 28)}
              fontSize={12}
              interval={0}
            />
          )}
          <Tooltip
            shared={false}
            cursor={{ fill: 'rgb(15 23 42 / 0.05)' }}
            content={SegmentTooltip}
          />
          {Array.from({ length: segmentSlots }, (_, slot) => (
            <Bar
              key={slot}
              name={String(slot)}
              dataKey={(bars: TimelineBars) => bars.durations[slot]}
              stackId="timeline"
              isAnimationActive={false}
            >
              {data.map((bars) => {
                const segment = bars.row.segments[slot];
                return (
                  <Cell
                    key={bars.row.key}
                    fill={segment ? STATE_STYLES[segment.state].color : 'transparent'}
                  />
                );
              })}
            </Bar>
          ))}
        </BarChart>
      </div>
      <ul className="alert-timeline__legend" aria-label="States">
        {shownStates.map((state) => (
          <li key={state}>
            <span
              className="alert-timeline__swatch"
              style={{ background: STATE_STYLES[state].color }}
              aria-hidden="true"
            />
            {stateLabel(state)}
          </li>
        ))}
      </ul>
      <TimelineTable rows={rows} />
    </figure>
  );
}
