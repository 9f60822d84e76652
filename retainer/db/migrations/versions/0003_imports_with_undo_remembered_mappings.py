"""imports with undo, remembered mappings

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('import_mappings',
    sa.Column('headers_key', sa.String(length=64), nullable=False),
    sa.Column('mapping', sa.Text(), nullable=False),
    sa.Column('used_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('headers_key', name=op.f('pk_import_mappings'))
    )
    op.create_table('imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=400), nullable=False),
    sa.Column('sheet', sa.String(length=200), nullable=True),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('rows', sa.Integer(), nullable=False),
    sa.Column('customers_added', sa.Integer(), nullable=False),
    sa.Column('customers_updated', sa.Integer(), nullable=False),
    sa.Column('purchases_added', sa.Integer(), nullable=False),
    sa.Column('skipped', sa.Integer(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_imports'))
    )
    op.create_table('import_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('before', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_import_changes_customer_id_customers'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['import_id'], ['imports.id'], name=op.f('fk_import_changes_import_id_imports'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_changes'))
    )
    with op.batch_alter_table('import_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_changes_import_id'), ['import_id'], unique=False)

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('import_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_customers_import_id'), ['import_id'], unique=False)

    with op.batch_alter_table('purchases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('import_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_purchases_import_id'), ['import_id'], unique=False)

def downgrade() -> None:
    with op.batch_alter_table('purchases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purchases_import_id'))
        batch_op.drop_column('import_id')

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_import_id'))
        batch_op.drop_column('import_id')

    with op.batch_alter_table('import_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_changes_import_id'))

    op.drop_table('import_changes')
    op.drop_table('imports')
    op.drop_table('import_mappings')
