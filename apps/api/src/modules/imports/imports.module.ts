import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { AuditModule } from '../audit';
import { CategoriesModule } from '../categories';
import { TransactionImportStore } from '../transactions';
import { CsvImportService } from './csv-import.service';
import { CsvUploadInterceptor } from './csv-upload';
import { ImportsController } from './imports.controller';

@Module({
  imports: [AuditModule, AccountsModule, CategoriesModule],
  controllers: [ImportsController],
  // The transactions module's import store needs nothing injected: provided here, where it is used.
  providers: [CsvImportService, CsvUploadInterceptor, TransactionImportStore],
})
export class ImportsModule {}
