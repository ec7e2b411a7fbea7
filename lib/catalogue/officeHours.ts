import { resource } from './types';

export default resource({
  listOfficeHoursSchedules: {
    op: 'GET /office_hours_schedules',
    title: 'Office hours: List schedules',
    description: 'Lists the office hours schedules defined in the workspace.',
    paginate: 'whole',
    itemsPath: 'data',
  },
  createOfficeHoursSchedule: {
    op: 'POST /office_hours_schedules',
    title: 'Office hours: Create schedule',
    description: 'Creates an office hours schedule from weekly time intervals and a time zone.',
  },
  getOfficeHoursSchedule: {
    op: 'GET /office_hours_schedules/{id}',
    title: 'Office hours: Get schedule',
    description: 'Fetches one office hours schedule by id.',
  },
  updateOfficeHoursSchedule: {
    op: 'PUT /office_hours_schedules/{id}',
    title: 'Office hours: Update schedule',
    description: 'Changes the name, time zone or intervals of an office hours schedule.',
  },
  deleteOfficeHoursSchedule: {
    op: 'DELETE /office_hours_schedules/{id}',
    title: 'Office hours: Delete schedule (permanent)',
    description: 'Permanently deletes an office hours schedule; this cannot be undone.',
  },
  listOfficeHoursExceptions: {
    op: 'GET /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions',
    title: 'Office hours: List exceptions',
    description: 'Lists the exceptions (holidays, special hours) of an office hours schedule.',
    paginate: 'whole',
    itemsPath: 'data',
  },
  createOfficeHoursException: {
    op: 'POST /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions',
    title: 'Office hours: Create exception',
    description: 'Adds a dated exception, such as a holiday, to an office hours schedule.',
  },
  getOfficeHoursException: {
    op: 'GET /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}',
    title: 'Office hours: Get exception',
    description: 'Fetches one exception of an office hours schedule.',
  },
  updateOfficeHoursException: {
    op: 'PUT /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}',
    title: 'Office hours: Update exception',
    description: 'Changes the dates or hours of an office hours exception.',
  },
  deleteOfficeHoursException: {
    op: 'DELETE /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}',
    title: 'Office hours: Delete exception (permanent)',
    description: 'Permanently removes an exception from an office hours schedule.',
  },
});
