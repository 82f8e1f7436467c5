import { ARCHIVE_RUN_STATUSES, ArchiveRunStatus } from '@ledgerlens/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PageOf } from '../../../../common/http/pagination.dto';
import { ARCHIVE_RUN_TRIGGERS, ArchivedFile, ArchiveRunTrigger } from '../archive-run';

export class ArchivedFileDto implements ArchivedFile {
  @ApiProperty({
    example: 'app_logs/2026/08/app_logs-2026-08-01-run12.ndjson.gz',
    description: 'Relative to ARCHIVE_DIR; its manifest is the same name ending in .manifest.json',
  })
  path: string;

  @ApiProperty({ format: 'date', example: '2026-08-01', description: 'UTC day of its rows' })
  day: string;

  @ApiProperty({ type: 'integer', description: 'Rows archived (one NDJSON line each)' })
  rows: number;

  @ApiProperty({ description: 'SHA-256 of the gzip file, hex' })
  sha256: string;

  @ApiProperty({ type: 'integer', description: 'Size of the gzip file' })
  bytes: number;
}

export class ArchiveRunDto {
  @ApiProperty({ example: '12' })
  id: string;

  @ApiProperty({ enum: ARCHIVE_RUN_TRIGGERS })
  trigger: ArchiveRunTrigger;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Manual runs only' })
  requestedBy: string | null;

  @ApiProperty({ enum: ARCHIVE_RUN_STATUSES })
  status: ArchiveRunStatus;

  @ApiProperty({ format: 'date-time' })
  startedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt: string | null;

  @ApiProperty({ type: 'integer', description: 'Day partitions dropped so far' })
  partitionsDropped: number;

  @ApiProperty({ type: 'integer', description: 'Rows archived and removed so far' })
  rowsArchived: number;

  @ApiProperty({ type: [ArchivedFileDto], description: 'Files written so far, oldest day first' })
  files: ArchivedFileDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Why the run failed' })
  error: string | null;
}

export class ArchiveRunPageDto extends PageOf(ArchiveRunDto) {}

export class ArchiveRunParamsDto {
  @ApiProperty({ example: '12', maxLength: 18 })
  @Matches(/^\d{1,18}$/, { message: 'id must be an archive run ID' })
  id: string;
}
