import { PageQueryDto } from '../../../common/paging/page-query.dto';

export class AuditLogQueryDto extends PageQueryDto {}
